package io.chamber.sse.it;

import static io.chamber.sse.it.StreamControlsTest.assertProblem;
import static io.chamber.sse.it.StreamEndpointTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The limits a request meets before any stream starts: numbers in ASCII digits only, and a manifest whose work is
 * bounded whatever the query (heartbeats are not simulated; too much event data is refused).
 */
@QuarkusTest
class LimitsTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/streaming/sse")
    URI sse;

    /** Java's number parsers read other scripts' digits too: {@code １} (U+FF11) and {@code ٣} (U+0663). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "count=１ | count", "count=1٣ | count", "seed=４２ | seed", "retry=１０００ | retry", "padding=１ | padding",
            "status=２04 | status", "fail_after=１ | fail_after", "drop_after=１ | drop_after",
            "id_fault=dup&id_fault_every=３ | id_fault_every", "interval=１s | interval", "interval=1s..２s | interval",
            "interval=１.５ | interval", "heartbeat=１s | heartbeat", "delay=１ | delay", "duration=PT１S | duration" })
    void numbersAreAsciiDigitsOnly(String query, String parameter) throws Exception {
        assertProblem(SseClient.open(uri("", query)), parameter);
    }

    @Test
    void aManifestSkipsTheHeartbeatsOfALongPause() throws Exception {
        HttpResponse<String> response = get(uri("/expected", "seed=1&count=10000&interval=1h&heartbeat=1ms"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode manifest = JSON.readTree(response.body());
        assertThat(manifest.get("events")).hasSize(10_000);
        assertThat(manifest.get("events").get(9_999).get("data").asText()).contains("\"elapsed\": 35996400.000000");
    }

    @Test
    void aManifestWithTooMuchEventDataIsRefusedNamingCount() throws Exception {
        assertProblem(SseClient.open(uri("/expected", "seed=1&count=10000&interval=0&data=" + "x".repeat(1024))),
                "count");
        HttpResponse<String> fits = get(uri("/expected", "seed=1&count=1000&interval=0&data=" + "x".repeat(1024)));
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fits.body()).get("events")).hasSize(1000);
    }

    @Test
    void aManifestOfAPaddedQuirkyStreamIsServed() throws Exception {
        HttpResponse<String> response = get(uri("/expected",
                "seed=1&count=10000&interval=1h&heartbeat=1ms&padding=65536&quirk=bom,multiline,utf8,comment"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("events")).hasSize(10_000);
    }

    private URI uri(String path, String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            encoded.append(encoded.isEmpty() ? "" : "&").append(pair, 0, equals + 1)
                    .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return URI.create(sse + path + "?" + encoded);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
