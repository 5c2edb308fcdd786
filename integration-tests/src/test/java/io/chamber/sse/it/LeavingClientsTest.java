package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chamber.sse.runtime.OpenStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * 10,000 clients leave in every way a client leaves: closing or resetting the connection while the stream waits
 * for its next event, during its {@code delay}, and while the server is writing a fire-hose. Every stream ends
 * and gives its place back, and nothing is logged at WARN or ERROR: leaving is normal.
 */
@QuarkusTest
@TestProfile(ConnectionChurnTest.ThousandStreams.class)
class LeavingClientsTest {

    static final int WAVE = ConnectionChurnTest.WAVE;
    static final int WAVES = 2;

    static WarningLog warnings;

    @TestHTTPResource("/")
    URI base;

    @Inject
    OpenStreams openStreams;

    @BeforeAll
    static void collectWarnings() {
        warnings = WarningLog.install();
    }

    @BeforeEach
    void noWarningsYet() {
        warnings.clear();
    }

    @AfterAll
    static void stopCollecting() {
        warnings.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "close while it waits,   false, interval=10s&heartbeat=5s, true",
            "reset while it waits,   true,  interval=10s&heartbeat=5s, true",
            "close during its delay, false, delay=30s,                 false",
            "reset during its delay, true,  delay=30s,                 false",
            "reset mid-write,        true,  interval=0,                true" })
    void clientsLeaveQuietly(String way, boolean reset, String query, boolean awaitFirstEvent) throws Exception {
        try (ManyStreams clients = new ManyStreams(base.getPort(), reset)) {
            for (int wave = 0; wave < WAVES; wave++) {
                String uri = "/streaming/sse?" + query;
                List<ManyStreams.Stream> streams = awaitFirstEvent ? clients.open(WAVE, uri) : clients.send(WAVE, uri);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openStreams.count() == WAVE);
                streams.forEach(ManyStreams.Stream::close);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openStreams.count() == 0);
            }
        }
        assertThat(warnings.records()).as("WARN and ERROR lines after clients left: %s", way).isEmpty();
    }

    @Test
    void theWarningLogSeesWarnings() {
        org.jboss.logging.Logger.getLogger(LeavingClientsTest.class).warn("a warning the collector must see");
        assertThat(warnings.records()).hasSize(1);
    }
}
