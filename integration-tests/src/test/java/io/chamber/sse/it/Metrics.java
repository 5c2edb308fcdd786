package io.chamber.sse.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads the extension's meters from the Prometheus endpoint ({@code /q/metrics}). */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    Metrics(URI base) {
        this.endpoint = base.resolve("/q/metrics");
    }

    double openStreams() {
        return value("chamber_sse_streams_open");
    }

    double eventsSent() {
        return value("chamber_sse_events_sent_total");
    }

    /** The memory the open streams reserved from {@code memory-budget}. */
    double reservedBytes() {
        return value("chamber_sse_memory_reserved_bytes");
    }

    private double value(String name) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not in " + endpoint));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
