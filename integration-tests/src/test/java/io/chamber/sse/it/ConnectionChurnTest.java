package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * 20,000 clients connect and disconnect in waves: afterwards no stream is open and the heap after GC is back
 * within 5% of where it started (no leaked timers or subscriptions). In-process, so the heap is the server's.
 */
@QuarkusTest
@TestProfile(ConnectionChurnTest.ThousandStreams.class)
class ConnectionChurnTest {

    static final int WAVE = 1000;
    static final int WAVES = 20;

    public static class ThousandStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.chamber.sse.max-streams", String.valueOf(WAVE));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void connectingAndLeavingLeavesNothingBehind() throws Exception {
        Metrics metrics = new Metrics(base);
        long heapAtStart;
        try (ManyStreams clients = new ManyStreams(base.getPort())) {
            wave(clients, metrics); // warms up the pools and caches a wave needs
            heapAtStart = heapAfterGc();
            for (int i = 0; i < WAVES; i++) {
                wave(clients, metrics);
            }
        }
        long heapAtEnd = heapAfterGc();
        System.out.printf("heap after GC: %d bytes before %d clients, %d after%n", heapAtStart, WAVE * WAVES, heapAtEnd);
        assertThat(metrics.openStreams()).isZero();
        assertThat(heapAtEnd).isLessThanOrEqualTo(Math.round(heapAtStart * 1.05));
    }

    private static void wave(ManyStreams clients, Metrics metrics) throws Exception {
        List<ManyStreams.Stream> streams = clients.open(WAVE, "/streaming/sse?interval=1s..5s&heartbeat=2s");
        assertThat(metrics.openStreams()).isEqualTo(WAVE);
        streams.forEach(ManyStreams.Stream::close);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.openStreams() == 0);
    }

    private static long heapAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }
}
