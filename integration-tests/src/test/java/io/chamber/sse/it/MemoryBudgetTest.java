package io.chamber.sse.it;

import static io.chamber.sse.it.StreamEndpointTest.JSON;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Admission by memory: with a budget of 512 KB, streams that may hold a padded frame for minutes (split=byte,
 * padding=65536: about 190 KB each) take it after two, the third is refused with 503, a {@code Retry-After} and
 * a problem saying why, while a plain stream (about 45 KB) still gets in; once the heavy streams' clients leave,
 * the budget is back and a heavy stream is admitted again.
 */
@QuarkusTest
@TestProfile(MemoryBudgetTest.SmallBudget.class)
class MemoryBudgetTest {

    static final String HEAVY = "interval=1h&split=byte&padding=65536";

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.chamber.sse.memory-budget", "512K");
        }
    }

    @TestHTTPResource("/streaming/sse")
    URI sse;

    @TestHTTPResource("/")
    URI base;

    @Test
    void heavyStreamsAreRefusedWhenTheBudgetIsTakenAndAdmittedWhenItIsBack() throws Exception {
        Metrics metrics = new Metrics(base);
        List<SseClient> heavy = new ArrayList<>();
        SseClient refused = null;
        try {
            for (int i = 0; i < 10 && refused == null; i++) {
                SseClient client = SseClient.open(URI.create(sse + "?" + HEAVY));
                if (client.response().statusCode() == 200) {
                    heavy.add(client); // admitted: its padding comment is still arriving a byte a tick
                } else {
                    refused = client;
                }
            }
            assertThat(refused).as("a heavy stream was refused once the budget was taken").isNotNull();
            assertThat(heavy).hasSize(2);
            assertThat(refused.response().statusCode()).isEqualTo(503);
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:chamber-sse:memory-short");
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("detail").asText()).contains("quarkus.chamber.sse.memory-budget");
            assertThat(metrics.openStreams()).isEqualTo(2);

            try (SseClient plain = SseClient.open(URI.create(sse + "?interval=1h"))) {
                assertThat(plain.response().statusCode()).as("a plain stream still fits").isEqualTo(200);
                plain.next(WAIT);
            }
        } finally {
            heavy.forEach(SseClient::close);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.openStreams() == 0);
        assertThat(metrics.reservedBytes()).as("every stream gave its reservation back").isZero();
        try (SseClient again = SseClient.open(URI.create(sse + "?" + HEAVY))) {
            assertThat(again.response().statusCode()).isEqualTo(200);
        }
    }
}
