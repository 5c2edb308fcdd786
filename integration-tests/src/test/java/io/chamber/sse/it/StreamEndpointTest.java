package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed behaviour of {@code /streaming/sse}, read with a real SSE client. The test profile sets the random
 * pause to 100..300 ms.
 */
@QuarkusTest
class StreamEndpointTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/streaming/sse")
    URI sse;

    URI sse(String query) {
        return URI.create(sse + "?" + query);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void answersWithTheSeedHeaders() {
        try (SseClient client = SseClient.open(sse)) {
            var headers = client.response().headers();
            assertThat(client.response().statusCode()).isEqualTo(200);
            assertThat(headers.allValues("Content-Type")).containsExactly("text/event-stream");
            assertThat(headers.allValues("Cache-Control")).containsExactly("no-cache");
            assertThat(headers.allValues("Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(headers.allValues("Connection")).containsExactly("keep-alive");
        }
    }

    @Test
    void sendsRandomEventsWithOnlyIdEventAndData() throws Exception {
        try (SseClient client = SseClient.open(sse)) {
            List<SseClient.Event> events = client.events(4, WAIT);
            for (SseClient.Event event : events) {
                assertThat(event.fields()).containsExactly("id", "event", "data");
                assertThat(event.id()).matches("[0-9a-f]{32}");
                assertThat(event.event()).isEqualTo("random");
                assertThat(event.data()).matches("\\{\"message\": \"[0-9A-Za-z]{10,50}\", \"elapsed\": \\d+\\.\\d{6}}");
                JsonNode payload = JSON.readTree(event.data());
                assertThat(payload.size()).isEqualTo(2);
                assertThat(payload.get("message").asText()).matches("[0-9A-Za-z]{10,50}");
                assertThat(payload.get("elapsed").isNumber()).isTrue();
            }
            assertThat(new HashSet<>(events.stream().map(SseClient.Event::id).toList())).hasSize(events.size());
        }
    }

    @Test
    void sendsTheFirstEventAtOnceAndTheNextAfterTheConfiguredPauses() throws Exception {
        try (SseClient client = SseClient.open(sse)) {
            List<SseClient.Event> events = client.events(5, WAIT);
            double previous = elapsed(events.get(0));
            assertThat(previous).isLessThan(0.5);
            for (SseClient.Event event : events.subList(1, events.size())) {
                double pause = elapsed(event) - previous;
                assertThat(pause).as("pause before %s", event.id()).isBetween(0.100 - 0.050, 0.300 + 0.050);
                previous = elapsed(event);
            }
        }
    }

    @Test
    void customEventNameAndData() throws Exception {
        try (SseClient client = SseClient.open(sse("event=greeting&data=hello"))) {
            for (SseClient.Event event : client.events(2, WAIT)) {
                assertThat(event.event()).isEqualTo("greeting");
                assertThat(JSON.readTree(event.data()).get("message").asText()).isEqualTo("hello");
            }
        }
    }

    @Test
    void dataIsJsonEscapedSoItCannotBreakTheJsonOrTheFraming() throws Exception {
        String nasty = "say \"hi\"\\ \n\r\ndata: injected\n\nid: x\u2028é😀";
        try (SseClient client = SseClient.open(sse("data=" + encode(nasty)))) {
            for (SseClient.Event event : client.events(2, WAIT)) {
                assertThat(event.fields()).containsExactly("id", "event", "data");
                assertThat(event.event()).isEqualTo("random");
                assertThat(JSON.readTree(event.data()).get("message").asText()).isEqualTo(nasty);
            }
        }
    }

    @Test
    void refusesAnEventNameWithALineBreak() throws Exception {
        for (String bad : List.of("a\nb", "a\rb", "x\r\ndata: injected")) {
            try (SseClient client = SseClient.open(sse("event=" + encode(bad)))) {
                assertThat(client.response().statusCode()).isEqualTo(400);
                assertThat(client.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonNode problem = JSON.readTree(client.body());
                assertThat(problem.get("status").asInt()).isEqualTo(400);
                assertThat(problem.get("type").asText()).isNotBlank();
                assertThat(problem.get("title").asText()).isNotBlank();
                assertThat(problem.get("detail").asText()).contains("event");
                assertThat(problem.get("parameter").asText()).isEqualTo("event");
            }
        }
    }

    @Test
    void ignoresUnknownParameters() {
        try (SseClient client = SseClient.open(sse("whatever=1&event=ok"))) {
            assertThat(client.nextEvent(WAIT).event()).isEqualTo("ok");
        }
    }

    @Test
    void eachRequestIsItsOwnStream() {
        try (SseClient first = SseClient.open(sse); SseClient second = SseClient.open(sse)) {
            assertThat(first.nextEvent(WAIT).id()).isNotEqualTo(second.nextEvent(WAIT).id());
        }
    }

    static double elapsed(SseClient.Event event) throws Exception {
        return JSON.readTree(event.data()).get("elapsed").asDouble();
    }
}
