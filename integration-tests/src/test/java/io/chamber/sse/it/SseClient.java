package io.chamber.sse.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small SSE client for tests: the JDK HTTP client reads the response, a parser that follows the WHATWG
 * event-stream rules turns lines into {@link Event}s, {@link Comment}s and {@link Retry} fields, queued with
 * their arrival time. {@link #end()} completes when the body ends: normally, or broken with an exception.
 */
public final class SseClient implements AutoCloseable {

    /** What the parser can hand out. */
    public sealed interface Item permits Event, Comment, Retry {
        long receivedNanos();
    }

    /** A dispatched event, with the names of the fields that made it, in order. */
    public record Event(String id, String event, String data, List<String> fields, long receivedNanos)
            implements Item {
    }

    public record Comment(String text, long receivedNanos) implements Item {
    }

    public record Retry(long millis, long receivedNanos) implements Item {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> end = new CompletableFuture<>();

    private final String body;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() == 200) {
            this.body = null;
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        } else {
            try (InputStream in = response.body()) {
                this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            end.complete(null);
        }
    }

    public static SseClient open(URI uri) {
        return open(uri, Map.of());
    }

    /** Sends the request and returns once the response headers arrived. */
    public static SseClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The whole body of a response that is not a stream (status other than 200). */
    public String body() {
        return body;
    }

    /** Completes when the body ends cleanly, exceptionally when the connection broke. */
    public CompletableFuture<Void> end() {
        return end;
    }

    /** The next item of any kind, or an AssertionError after the timeout. */
    public Item next(Duration timeout) {
        try {
            Item item = items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived within " + timeout + (end.isDone() ? " (stream ended)" : ""));
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, skipping comments and retry fields. */
    public Event nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) instanceof Event event) {
                return event;
            }
        }
    }

    public List<Event> events(int count, Duration timeoutEach) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(nextEvent(timeoutEach));
        }
        return events;
    }

    /** Reads a whole finite stream and returns its events; fails unless the body ended cleanly, with events only. */
    public static List<Event> readToEnd(URI uri, Map<String, String> headers, Duration timeout) {
        try (SseClient client = open(uri, headers)) {
            List<Item> items = client.rest(timeout);
            client.end().join();
            return items.stream().map(Event.class::cast).toList();
        }
    }

    /** Everything received until the body ended (waits up to the timeout for the end). */
    public List<Item> rest(Duration timeout) {
        try {
            end.handle((ok, broken) -> null).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream did not end within " + timeout, e);
        }
        List<Item> rest = new ArrayList<>();
        items.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            parse(lines);
            end.complete(null);
        } catch (IOException | RuntimeException e) {
            end.completeExceptionally(e);
        }
    }

    private void parse(BufferedReader lines) throws IOException {
        String id = null;
        String lastId = null;
        String event = null;
        StringBuilder data = null;
        List<String> fields = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            long now = System.nanoTime();
            if (line.isEmpty()) {
                lastId = id != null ? id : lastId;
                if (data != null) {
                    items.add(new Event(lastId, event == null ? "message" : event, data.toString(),
                            List.copyOf(fields), now));
                }
                id = null;
                event = null;
                data = null;
                fields.clear();
                continue;
            }
            if (line.startsWith(":")) {
                items.add(new Comment(line.substring(1), now));
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(value(line, colon));
            fields.add(field);
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "retry" -> {
                    if (value.chars().allMatch(Character::isDigit)) {
                        items.add(new Retry(Long.parseLong(value), now));
                    }
                }
                default -> {
                    // unknown fields are ignored, as browsers do; they stay visible in Event.fields()
                }
            }
        }
    }

    private static int value(String line, int colon) {
        return colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
    }
}
