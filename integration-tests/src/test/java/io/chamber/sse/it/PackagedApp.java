package io.chamber.sse.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The packaged application (the native executable when the native profile built one, else the JVM jar) as a
 * process of its own, for tests that restart it or send it signals.
 */
final class PackagedApp implements AutoCloseable {

    final int port;
    final Process process;
    /** Where the app's console output goes. */
    final Path log;

    private PackagedApp(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the app on {@code port} with extra {@code -D} settings and waits until it answers. */
    static PackagedApp start(int port, String... settings) throws IOException {
        Path nativeImage = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(nativeImage)) {
            command.add(nativeImage.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.addAll(List.of(settings));
        if (!Files.isExecutable(nativeImage)) {
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        Path log = Path.of("target", "app-" + port + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(port, process, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (SseClient client = SseClient.open(app.uri("/streaming/sse?status=204"))) {
                    return client.response().statusCode() == 204;
                }
            });
        } catch (RuntimeException | Error e) {
            process.destroyForcibly(); // nobody else can stop it
            throw e;
        }
        return app;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
