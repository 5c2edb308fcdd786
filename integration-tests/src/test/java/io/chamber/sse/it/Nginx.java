package io.chamber.sse.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * nginx in the foreground, as a child process, in a directory of its own under {@code target/}: the test
 * resources' {@code nginx/nginx.conf} around {@code nginx/sse-fleet.conf} (the configuration the docs recommend),
 * with its ports replaced by the test's.
 */
final class Nginx implements AutoCloseable {

    /** The addresses {@code sse-fleet.conf} is written with, as a reader would run it. */
    private static final String LISTEN = "127.0.0.1:8080";
    private static final List<String> REPLICAS = List.of("127.0.0.1:8001", "127.0.0.1:8002");

    final int port;
    final Path directory;
    private final Process process;

    private Nginx(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    /** Starts nginx on {@code port} in front of the replicas on {@code replicaPorts}; returns once it accepts. */
    static Nginx start(Path executable, int port, int... replicaPorts) throws IOException {
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nginx-");
        Files.createDirectories(directory.resolve("temp"));
        String fleet = replace(resource("sse-fleet.conf"), LISTEN, "127.0.0.1:" + port);
        for (int i = 0; i < REPLICAS.size(); i++) {
            fleet = replace(fleet, REPLICAS.get(i), "127.0.0.1:" + replicaPorts[i]);
        }
        Files.writeString(directory.resolve("sse-fleet.conf"), fleet);
        Files.writeString(directory.resolve("nginx.conf"), resource("nginx.conf"));
        Process process = new ProcessBuilder(executable.toString(), "-p", directory.toString(), "-c", "nginx.conf",
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(port, directory, process);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + nginx.log());
            }
            return accepts(port);
        });
        return nginx;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** nginx's error log (level info) and console output. */
    String log() throws IOException {
        Path errors = directory.resolve("error.log");
        return Files.readString(directory.resolve("nginx.out"))
                + (Files.exists(errors) ? Files.readString(errors) : "");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Nginx.class.getResourceAsStream("/nginx/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource nginx/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("sse-fleet.conf no longer contains '" + from + "'");
        }
        return text.replace(from, to);
    }
}
