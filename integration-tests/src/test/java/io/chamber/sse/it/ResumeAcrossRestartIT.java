package io.chamber.sse.it;

import static io.chamber.sse.it.StreamControlsTest.ids;
import static io.chamber.sse.it.StreamControlsTest.messages;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Resuming needs no server memory: a stream read from one run of the packaged application continues, with the
 * same ids and messages, on the next run after a restart.
 */
class ResumeAcrossRestartIT {

    @Test
    void aRestartedServerResumesTheStream() throws Exception {
        List<SseClient.Event> before;
        int port = freePort();
        Process first = start(port);
        try {
            before = read(port, "seed=1234&interval=0&count=8", Map.of());
        } finally {
            stop(first);
        }
        Process second = start(port);
        try {
            List<SseClient.Event> after = read(port, "interval=0&count=8", Map.of("Last-Event-ID", before.get(2).id()));
            assertThat(ids(after)).isEqualTo(ids(before.subList(3, 8)));
            assertThat(messages(after)).isEqualTo(messages(before.subList(3, 8)));
        } finally {
            stop(second);
        }
    }

    private static List<SseClient.Event> read(int port, String query, Map<String, String> headers) {
        try (SseClient client = SseClient.open(URI.create("http://localhost:" + port + "/streaming/sse?" + query),
                headers)) {
            List<SseClient.Item> items = client.rest(WAIT);
            assertThat(client.end()).succeedsWithin(WAIT);
            return items.stream().map(SseClient.Event.class::cast).toList();
        }
    }

    /** The native executable when the native profile built one, else the JVM jar. */
    private static Process start(int port) throws IOException {
        Path nativeImage = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = Files.isExecutable(nativeImage)
                ? List.of(nativeImage.toString(), "-Dquarkus.http.port=" + port)
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=" + port, "-jar", "target/quarkus-app/quarkus-run.jar");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "restart-" + port + ".log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (SseClient client = SseClient.open(URI.create("http://localhost:" + port + "/streaming/sse?status=204"))) {
                return client.response().statusCode() == 204;
            }
        });
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
