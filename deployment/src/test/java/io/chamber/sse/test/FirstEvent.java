package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads the first event of a never-ending stream as a real client does, then leaves. */
final class FirstEvent {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FirstEvent() {
    }

    /** The lines of the first event at {@code stream}, up to the blank line that ends it. */
    static List<String> of(URI stream) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stream).timeout(TIMEOUT).build();
        return HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertThat(response.statusCode()).as("status of GET %s", stream).isEqualTo(200);
                    try (Stream<String> lines = response.body()) {
                        return lines.takeWhile(line -> !line.isEmpty()).toList();
                    }
                })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
