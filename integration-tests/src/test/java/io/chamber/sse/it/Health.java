package io.chamber.sse.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the SmallRye Health endpoints ({@code /q/health/ready}, {@code /q/health/live}) of a running app. */
final class Health {

    static final String READINESS_CHECK = "chamber-sse streams";
    static final String LIVENESS_CHECK = "chamber-sse";

    /** One answer of a health endpoint: its HTTP status and the JSON body. */
    record Answer(int status, JsonNode body) {

        /** The check with this name; fails when the answer has none. */
        JsonNode check(String name) {
            return StreamSupport.stream(body.get("checks").spliterator(), false)
                    .filter(check -> name.equals(check.get("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    Health(URI base) {
        this.base = base;
    }

    Answer readiness() {
        return read("/q/health/ready");
    }

    Answer liveness() {
        return read("/q/health/live");
    }

    private Answer read(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
