package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged app as the hostile-client suite runs it: a 256 MB heap, Netty's epoll transport (the demo's
 * production setting), loopback only. Reads what the suite checks after every case: open streams, liveness, a
 * normal stream, the heap after a full GC, the RSS and the WARN/ERROR lines of the app's log.
 */
final class HostileApp implements AutoCloseable {

    static final String HEAP = "-Xmx256m";
    private static final Pattern NOISE = Pattern.compile(".*\\b(WARN|ERROR) +\\[.*");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final PackagedApp app;
    final int port;

    private HostileApp(PackagedApp app) {
        this.app = app;
        this.port = app.port;
    }

    static HostileApp start(String... settings) throws IOException {
        String[] all = new String[settings.length + 3];
        all[0] = HEAP;
        all[1] = "-Dquarkus.vertx.prefer-native-transport=true";
        all[2] = "-Dquarkus.shutdown.timeout=10s";
        System.arraycopy(settings, 0, all, 3, settings.length);
        return new HostileApp(PackagedApp.start(PackagedApp.freePort(), all));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** {@code chamber_sse_streams_open} from {@code /q/metrics}. */
    long openStreams() {
        return Math.round(metric("chamber_sse_streams_open"));
    }

    /** Waits up to 15 s for the open-stream count to come back to {@code expected}; returns the count then. */
    long awaitOpenStreams(long expected) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> openStreams() == expected);
        } catch (ConditionTimeoutException e) {
            // the caller asserts on the count
        }
        return openStreams();
    }

    /** Heap in use right after a full GC the suite asks for (jcmd GC.run), in bytes. */
    long heapAfterGc() {
        jcmd("GC.run");
        return Math.round(sum("jvm_memory_used_bytes{area=\"heap\""));
    }

    /** The process's resident set size, in bytes. */
    long rss() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(app.process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError("cannot read the RSS of the app", e);
        }
    }

    /** The status of {@code /q/health/live}, or -1 when it cannot be reached. */
    int liveness() {
        try {
            return get("/q/health/live").statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A normal, short stream: its status and body. */
    HttpResponse<String> normalStream() throws IOException {
        return get("/streaming/sse?count=2&interval=0");
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Every line of the app's log so far; read as Latin-1 so that any byte a client smuggled in stays readable. */
    List<String> logLines() {
        try {
            return new String(Files.readAllBytes(app.log), StandardCharsets.ISO_8859_1).lines().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + app.log, e);
        }
    }

    /** The WARN and ERROR lines of the log from line {@code from} on. */
    List<String> noiseSince(int from) {
        List<String> lines = logLines();
        return lines.subList(Math.min(from, lines.size()), lines.size()).stream()
                .filter(line -> NOISE.matcher(line).matches()).toList();
    }

    boolean alive() {
        return app.process.isAlive();
    }

    private double metric(String name) {
        return scrape().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(HostileApp::value).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in /q/metrics"));
    }

    private double sum(String prefix) {
        return scrape().lines().filter(line -> line.startsWith(prefix)).mapToDouble(HostileApp::value).sum();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private String scrape() {
        try {
            HttpResponse<String> response = get("/q/metrics");
            assertThat(response.statusCode()).as("status of /q/metrics").isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("cannot read /q/metrics", e);
        }
    }

    private void jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(app.process.pid()), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("jcmd %s finished", command).isTrue();
            assertThat(process.exitValue()).as("exit code of jcmd %s", command).isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
