package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged demo keeps serving its page, and logs no WARN or ERROR line, while it shuts down: after SIGTERM
 * with a pre-shutdown delay (as its Kubernetes Deployment sets), every page, script, style sheet and health request
 * that is answered is answered normally.
 */
class PageDuringShutdownIT {

    static final List<String> PATHS = List.of("/", "/app.js", "/style.css", "/q/health/ready", "/q/health/live");

    @Test
    void servesThePageQuietlyWhileShuttingDown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "demo-" + port + ".log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.shutdown.delay=1s",
                "-Dquarkus.http.ssl-port=0", "-Dchamber.demo.tls.directory=" + Path.of("target", "tls").toAbsolutePath(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> answers = new ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> status(port, "/q/health/live") == 200);
            app.destroy();
            while (app.isAlive()) {
                for (String path : PATHS) {
                    try {
                        answers.add(path + " " + status(port, path));
                    } catch (IOException refusedOrClosed) {
                        // the port closes at the end of the shutdown
                    }
                }
            }
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly().waitFor();
        }
        assertThat(answers).as("answers during the shutdown").contains("/ 200", "/app.js 200", "/style.css 200")
                .allMatch(answer -> answer.endsWith(" 200") || answer.startsWith("/q/health/ready "));
        assertThat(Files.readAllLines(log)).as("WARN and ERROR lines in %s", log)
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
    }

    /** The status of one GET on a connection of its own. */
    private static int status(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            if (head.length() < 12) {
                throw new IOException("no answer");
            }
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
