package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The readiness check turns DOWN while the streams are at {@code max-streams} (50 in the test profile) and UP
 * again when one leaves; the liveness check stays UP all along. Both tell the open count in their data.
 */
@QuarkusTest
class HealthTest {

    static final int MAX_STREAMS = 50;

    @TestHTTPResource("/")
    URI base;

    Health health;

    @BeforeEach
    void noStreamsOpen() {
        health = new Health(base);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> health.readiness().check(Health.READINESS_CHECK).get("data").get("openStreams").asInt() == 0);
    }

    @Test
    void readyAndAliveWithTheCountsInTheData() {
        Health.Answer readiness = health.readiness();
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode check = readiness.check(Health.READINESS_CHECK);
        assertThat(check.get("status").asText()).isEqualTo("UP");
        assertThat(check.get("data").get("maxStreams").asInt()).isEqualTo(MAX_STREAMS);
        assertThat(check.get("data").get("shuttingDown").asBoolean()).isFalse();

        Health.Answer liveness = health.liveness();
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.check(Health.LIVENESS_CHECK).get("status").asText()).isEqualTo("UP");
        assertThat(liveness.check(Health.LIVENESS_CHECK).get("data").get("openStreams").asInt()).isZero();
    }

    @Test
    void notReadyAtMaxStreamsButStillAliveAndReadyAgainWhenOneLeaves() throws Exception {
        try (ManyStreams clients = new ManyStreams(base.getPort())) {
            List<ManyStreams.Stream> streams = clients.open(MAX_STREAMS, "/streaming/sse");

            Health.Answer full = health.readiness();
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.check(Health.READINESS_CHECK).get("status").asText()).isEqualTo("DOWN");
            assertThat(full.check(Health.READINESS_CHECK).get("data").get("openStreams").asInt()).isEqualTo(MAX_STREAMS);
            Health.Answer liveness = health.liveness();
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.check(Health.LIVENESS_CHECK).get("data").get("openStreams").asInt())
                    .isEqualTo(MAX_STREAMS);

            streams.get(0).close();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> health.readiness().status() == 200);
            JsonNode ready = health.readiness().check(Health.READINESS_CHECK);
            assertThat(ready.get("status").asText()).isEqualTo("UP");
            assertThat(ready.get("data").get("openStreams").asInt()).isEqualTo(MAX_STREAMS - 1);
        }
    }
}
