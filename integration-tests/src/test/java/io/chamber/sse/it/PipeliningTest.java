package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A stream's response is the last one its HTTP/1.1 connection answers when the client pipelined more requests
 * behind it: they are not queued while the stream lives, and the connection closes when the stream ends. A client
 * that pipelined nothing keeps its keep-alive connection. In-process, so the heap is the server's.
 */
@QuarkusTest
class PipeliningTest extends QuietStreamsTest {

    static final String HEALTH = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
    static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /**
     * A million pipelined requests (58 MB, more than the sockets' buffers hold, so the flood ends only if the server
     * reads it) behind a stream that never ends: read and dropped, none held; another client is served meanwhile,
     * and the stream still ends when its client leaves.
     */
    @Test
    void aFloodBehindAnEndlessStreamIsNotQueued() throws Exception {
        int requests = 1_000_000;
        byte[] thousandRequests = RawConnection.STREAM_1H.repeat(1000).getBytes();
        long heapBefore = heapAfterGc();
        try (RawConnection flooder = new RawConnection(base.getPort())) {
            flooder.send(RawConnection.STREAM_1H).readUntil("data:");
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                for (int sent = 0; sent < requests; sent += 1000) {
                    flooder.send(thousandRequests);
                }
            });
            try (SseClient other = SseClient.open(base.resolve("/streaming/sse?interval=1h"))) {
                assertThat(other.nextEvent(Duration.ofSeconds(30)).data()).contains("message");
            }
            flood.get(120, TimeUnit.SECONDS);
            Awaitility.await("the heap holds no queued requests").pollInterval(Duration.ofMillis(500))
                    .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> heapGrowth(heapBefore) < 16 << 20);
            assertThat(openStreams.count()).isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
        assertThat(warnings.records()).isEmpty();
    }

    @Test
    void requestsPipelinedInTheSamePacketGetNoAnswerAndTheConnectionCloses() {
        try (RawConnection client = new RawConnection(base.getPort())) {
            // the rest of the packet is read before the event loop wakes the stream for its second event
            client.send("GET /streaming/sse?count=2&interval=10ms HTTP/1.1\r\nHost: localhost\r\n\r\n" + HEALTH + HEALTH);
            assertThat(client.readUntilClosed(CLOSE_WAIT)).as("closed by the server").isTrue();
            assertThat(client.received()).contains("data:").endsWith("0\r\n\r\n");
            assertThat(STATUS_LINE.matcher(client.received()).results().count()).isEqualTo(1);
        }
        assertThat(warnings.records()).isEmpty();
    }

    @Test
    void requestsPipelinedWhileTheStreamWritesGetNoAnswerAndTheConnectionCloses() {
        try (RawConnection client = new RawConnection(base.getPort())) {
            // a fire-hose the client does not read waits for it, so the stream cannot end before the server read on
            client.send("GET /streaming/sse?interval=0&count=200000 HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .readUntil("data:").send(HEALTH + HEALTH);
            assertThat(client.readUntilClosed(Duration.ofSeconds(60))).as("closed by the server").isTrue();
            assertThat(client.received()).endsWith("0\r\n\r\n");
            assertThat(STATUS_LINE.matcher(client.received()).results().count()).isEqualTo(1);
        }
        assertThat(warnings.records()).isEmpty();
    }

    @Test
    void aClientThatPipelinedNothingKeepsItsConnection() {
        try (RawConnection client = new RawConnection(base.getPort())) {
            client.send("GET /streaming/sse?count=1 HTTP/1.1\r\nHost: localhost\r\n\r\n").readUntil("0\r\n\r\n");
            client.send(HEALTH).readUntil("UP");
            assertThat(STATUS_LINE.matcher(client.received()).results().count()).isEqualTo(2);
        }
        assertThat(warnings.records()).isEmpty();
    }

    private static long heapGrowth(long heapBefore) {
        long growth = heapAfterGc() - heapBefore;
        System.out.printf("heap after GC: %d bytes more than before the flood%n", growth);
        return growth;
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
