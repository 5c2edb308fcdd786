package io.chamber.sse.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real EventSource clients: {@code src/test/node/eventsource-clients.mjs} run by Node.js, one npm
 * {@code eventsource} per seeded stream. They reconnect and resume as a browser does; this class follows their
 * progress and reads what each received once all have stopped.
 */
final class EventSourceClients implements AutoCloseable {

    /** How far the clients are, from the script's latest {@code progress} line. */
    record Progress(int open, int closed, long events, long opens) {
    }

    record Received(String id, String data) {
    }

    /**
     * What one client received, in order, how many times it opened a connection, its error events and why it
     * stopped: a status (204 is the end of a finished stream) or {@code null} when it never stopped.
     */
    record Client(long seed, List<Received> events, int opens, List<String> errors, Object closedWith) {
    }

    private static final Path SCRIPT = Path.of("src/test/node/eventsource-clients.mjs").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Process process;
    private final Path results;
    private final Thread reader;
    private volatile Progress progress = new Progress(0, 0, 0, 0);

    private EventSourceClients(Process process, Path results) {
        this.process = process;
        this.results = results;
        this.reader = new Thread(this::readOutput, "eventsource-clients");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code clients} EventSources on {@code stream} (a URL with a query, without {@code seed}), with seeds
     * {@code firstSeed}, {@code firstSeed + 1}, …; they give up after {@code deadline}.
     */
    static EventSourceClients start(Path node, URI stream, int clients, long firstSeed, Duration deadline)
            throws IOException {
        Path results = Files.createTempFile(Path.of("target").toAbsolutePath(), "eventsource-clients-", ".json");
        Process process = new ProcessBuilder(node.toString(), SCRIPT.toString(), stream.toString(),
                String.valueOf(clients), String.valueOf(firstSeed), results.toString(),
                String.valueOf(deadline.toSeconds()))
                .directory(SCRIPT.getParent().toFile()).redirectErrorStream(true).start();
        return new EventSourceClients(process, results);
    }

    Progress progress() {
        return progress;
    }

    /** Waits for every client to stop (or the script's deadline) and returns what each received. */
    List<Client> results(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the EventSource clients did not finish within " + timeout);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        if (process.exitValue() != 0) {
            throw new AssertionError("node exited with " + process.exitValue() + " (its output is in the test log)");
        }
        return List.of(JSON.readValue(results.toFile(), Client[].class));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    progress = JSON.readValue(line.substring("progress ".length()), Progress.class);
                } else {
                    System.out.println("[eventsource-clients] " + line);
                }
            }
        } catch (IOException e) {
            System.out.println("[eventsource-clients] output unreadable: " + e);
        }
    }
}
