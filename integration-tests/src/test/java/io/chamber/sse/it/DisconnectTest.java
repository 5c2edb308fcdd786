package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chamber.sse.runtime.OpenStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Whatever way a stream ends (the client goes away, the stream ends, the connection is dropped), the server
 * stops it: the open-stream count goes back to zero.
 */
@QuarkusTest
class DisconnectTest {

    @TestHTTPResource("/streaming/sse")
    URI sse;

    @Inject
    OpenStreams openStreams;

    @BeforeEach
    void noStreamIsOpen() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "interval=50ms", "interval=10s", "interval=0", "interval=20ms&count=2",
            "interval=20ms&fail_after=2", "interval=20ms&drop_after=2", "delay=300ms", "padding=100&retry=10",
            "interval=1s&heartbeat=100ms", "interval=20ms&duration=100ms" })
    void theServerStopsTheStream(String query) {
        try (SseClient client = SseClient.open(URI.create(sse + "?" + query))) {
            client.nextEvent(StreamEndpointTest.WAIT);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> openStreams.count() == 0);
        assertThat(openStreams.count()).isZero();
    }
}
