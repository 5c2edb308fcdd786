package io.chamber.sse.it;

import static io.chamber.sse.it.StreamEndpointTest.JSON;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The route and the injectable generator share the stream model: for the same options and seed, an application's
 * own endpoint serving {@code EventGenerator} gives the events the route gives.
 */
@QuarkusTest
class GeneratorTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theGeneratorGivesTheRoutesEventsForTheSameSeed() throws Exception {
        for (String query : List.of("seed=42&count=6&interval=0", "seed=7&count=4&interval=10ms&event=tick",
                "seed=9&count=3&interval=0&data=fixed")) {
            List<SseClient.Event> route = SseClient.readToEnd(base.resolve("/streaming/sse?" + query), Map.of(), WAIT);
            List<SseClient.Event> generated = SseClient.readToEnd(base.resolve("/generated?" + query), Map.of(), WAIT);
            assertThat(route).hasSameSizeAs(generated).isNotEmpty();
            for (int i = 0; i < route.size(); i++) {
                JsonNode generatedEvent = JSON.readTree(generated.get(i).data());
                JsonNode routePayload = JSON.readTree(route.get(i).data());
                assertThat(generatedEvent.get("id").asText()).isEqualTo(route.get(i).id());
                assertThat(generatedEvent.get("name").asText()).isEqualTo(route.get(i).event());
                assertThat(generatedEvent.get("data").get("message")).isEqualTo(routePayload.get("message"));
            }
        }
    }

    @Test
    void theGeneratorResumesAfterAnIdLikeTheRoute() throws Exception {
        List<SseClient.Event> route = SseClient.readToEnd(base.resolve("/streaming/sse?seed=5&count=5&interval=0"),
                Map.of(), WAIT);
        List<SseClient.Event> resumed = SseClient.readToEnd(
                base.resolve("/generated?count=5&interval=0&lastEventId=" + route.get(1).id()), Map.of(), WAIT);
        assertThat(resumed.stream().map(event -> {
            try {
                return JSON.readTree(event.data()).get("id").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList()).isEqualTo(route.subList(2, 5).stream().map(SseClient.Event::id).toList());
    }
}
