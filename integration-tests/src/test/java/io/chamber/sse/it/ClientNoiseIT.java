package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a client does makes the packaged application log a WARN or an ERROR line: half requests cut by a reset,
 * with Netty's epoll transport (as the demo runs) and with Java NIO; requests without a {@code Host}; header values
 * with CR, LF and NUL over HTTP/2; connections that keep arriving while the application shuts down.
 */
class ClientNoiseIT {

    /** Requests cut at every point before the server has a whole request head. */
    static final List<String> PARTS = List.of("G", "GET /stre", "GET /streaming/sse?interval=1h HTTP/1.1\r\n",
            "GET /streaming/sse?interval=1h HTTP/1.1\r\nHost: localhost\r\n", "PRI * HTTP/2.0\r\n");

    @ParameterizedTest(name = "native transport: {0}")
    @ValueSource(booleans = { false, true })
    void halfRequestsCutByAResetLogNothing(boolean nativeTransport) throws Exception {
        // one event loop: the reset connections are handled before the request that follows them is answered
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(),
                "-Dquarkus.vertx.prefer-native-transport=" + nativeTransport,
                "-Dquarkus.vertx.event-loops-pool-size=1");
        try {
            for (int round = 0; round < 4; round++) {
                for (String part : PARTS) {
                    try (Socket socket = new Socket("127.0.0.1", app.port)) {
                        socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                        socket.setSoLinger(true, 0);
                    }
                }
            }
            assertThat(RawHttp1.exchange(app.port, "GET /streaming/sse?status=204 HTTP/1.1\r\nHost: localhost\r\n")
                    .status()).isEqualTo(204);
            assertThat(Files.readString(Path.of("/proc", String.valueOf(app.process.pid()), "maps")))
                    .as("Netty's epoll library is loaded").matches(maps -> maps.contains("netty_transport_native_epoll")
                            == nativeTransport);
        } finally {
            app.close();
        }
        assertNoWarnings(app);
    }

    @Test
    void requestsWithBadHeadersLogNothing() throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort());
        try {
            for (String path : List.of("/streaming/sse?status=204", "/streaming/sse/expected?seed=1&count=1")) {
                assertThat(RawHttp1.exchange(app.port, "GET " + path + " HTTP/1.1\r\n").status()).isEqualTo(400);
            }
            for (String value : List.of("a\r\nx-injected: 1", "a\u0000b", "a b")) {
                assertThat(H2c.request(app.port, "OPTIONS", "/streaming/sse",
                        Map.of("access-control-request-headers", value)).status()).isEqualTo(400);
            }
            assertThat(H2c.request(app.port, "GET", "/streaming/sse?status=204",
                    Map.of("last-event-id", "a\u0000\r\nb", "accept", "\u0000")).status()).isEqualTo(400);
        } finally {
            app.close();
        }
        assertNoWarnings(app);
    }

    @Test
    void connectionsArrivingDuringShutdownLogNothing() throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(), "-Dquarkus.shutdown.timeout=10s");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (SseClient stream = SseClient.open(app.uri("/streaming/sse?interval=50ms"))) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            List<Future<Integer>> connections = List.of("/streaming/sse?status=204", "/q/health/ready",
                    "/streaming/sse?interval=10ms", "/q/health/live").stream()
                    .map(path -> clients.submit(() -> connectUntilExit(app, path))).toList();
            app.process.destroy();
            assertThat(app.process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            for (Future<Integer> connected : connections) {
                assertThat(connected.get(10, TimeUnit.SECONDS)).as("connections made").isPositive();
            }
        } finally {
            clients.shutdownNow();
            app.close();
        }
        assertNoWarnings(app);
    }

    /** Opens connection after connection, each sending {@code path}, until the application has exited. */
    private static int connectUntilExit(PackagedApp app, String path) {
        int connected = 0;
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (app.process.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", app.port)) {
                connected++;
                socket.setSoTimeout(1000);
                socket.getOutputStream().write(request);
                InputStream in = socket.getInputStream();
                in.read();
            } catch (IOException refusedOrCut) {
                // what a client of a stopping instance gets; the test is about the instance's log
            }
        }
        return connected;
    }

    private static void assertNoWarnings(PackagedApp app) throws IOException {
        assertThat(Files.readAllLines(app.log)).as("WARN and ERROR lines in %s", app.log)
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
    }
}
