package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SIGTERM with a pre-shutdown delay ({@code quarkus.shutdown.delay-enabled=true} at build time,
 * {@code quarkus.shutdown.delay} at run time): the readiness check turns DOWN at once while the streams go on for
 * the whole delay, so a balancer that polls readiness sends new streams elsewhere first; then every stream ends
 * cleanly with the short {@code retry:} hint.
 */
class ShutdownDelayIT {

    static final Duration DELAY = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void readinessTurnsDownFirstAndStreamsEndAfterTheDelay() throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(), "-Dquarkus.shutdown.delay=" + DELAY.toMillis() + "ms",
                "-Dquarkus.shutdown.timeout=10s");
        try (SseClient stream = SseClient.open(app.uri("/streaming/sse?interval=100ms"))) {
            Health health = new Health(app.uri("/"));
            stream.nextEvent(WAIT);
            assertThat(health.readiness().status()).isEqualTo(200);

            long sigtermNanos = System.nanoTime();
            app.process.destroy();

            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> health.readiness().status() == 503);
            long notReadyNanos = System.nanoTime();
            JsonNode readiness = health.readiness().check(Health.READINESS_CHECK);
            assertThat(readiness.get("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.get("data").get("shuttingDown").asBoolean()).isTrue();
            assertThat(health.liveness().status()).isEqualTo(200);

            List<SseClient.Item> rest = stream.rest(Duration.ofSeconds(15));
            assertThat(stream.end()).as("the stream ended cleanly").succeedsWithin(Duration.ZERO);
            assertThat(rest).filteredOn(item -> item instanceof SseClient.Event event
                    && event.receivedNanos() > notReadyNanos).as("events during the delay").hasSizeGreaterThan(10);
            SseClient.Item last = rest.get(rest.size() - 1);
            assertThat(last).as("the last thing sent").isInstanceOfSatisfying(SseClient.Retry.class,
                    retry -> assertThat(retry.millis()).isEqualTo(1000));
            assertThat(Duration.ofNanos(last.receivedNanos() - sigtermNanos)).as("from SIGTERM to the end")
                    .isGreaterThanOrEqualTo(DELAY.minusMillis(200));
            assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
        } finally {
            app.close();
        }
    }
}
