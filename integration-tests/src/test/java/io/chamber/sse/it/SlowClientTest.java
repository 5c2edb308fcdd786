package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A fire-hose client that stops reading stops the stream: the server produces nothing while the socket is full
 * (back-pressure, no buffering), and goes on when the client reads again.
 */
@QuarkusTest
class SlowClientTest {

    @TestHTTPResource("/")
    URI base;

    Metrics metrics;

    @BeforeEach
    void noStreamIsOpen() {
        metrics = new Metrics(base);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> metrics.openStreams() == 0);
    }

    @Test
    void aClientThatStopsReadingPausesTheStream() throws Exception {
        double before = metrics.eventsSent(); // the counter holds what the tests before this one sent too
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new java.net.InetSocketAddress("localhost", base.getPort()));
            socket.getOutputStream().write(("GET /streaming/sse?interval=0 HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(1024)).hasSize(1024);

            double stalled = awaitNoMoreEvents();
            System.out.printf("a client that stopped reading paused the fire-hose after %.0f events%n", stalled - before);
            // a paused stream holds at most what the socket buffers took: nothing piles up in the server
            assertThat(stalled - before).isLessThan(200_000);

            byte[] chunk = new byte[64 * 1024];
            long read = 0;
            while (read < 16L * 1024 * 1024) {
                read += in.read(chunk);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> metrics.eventsSent() > stalled);
        }
    }

    /** Waits until the events-sent counter stops moving, and returns where it stopped. */
    private double awaitNoMoreEvents() {
        AtomicReference<Double> previous = new AtomicReference<>(-1.0);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double now = metrics.eventsSent();
            return now == previous.getAndSet(now);
        });
        return previous.get();
    }
}
