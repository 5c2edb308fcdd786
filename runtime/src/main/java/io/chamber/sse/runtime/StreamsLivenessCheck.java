package io.chamber.sse.runtime;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The stream endpoint is alive whenever this check can answer: it stays UP when the streams are at
 * {@code max-streams} or the application is shutting down, since restarting a busy or draining instance would only
 * cut its streams. Its data tells how many streams are open and how many events they sent. A bean only when the
 * application has {@code quarkus-smallrye-health}.
 */
@Liveness
@Singleton
public class StreamsLivenessCheck implements HealthCheck {

    static final String NAME = "chamber-sse";

    private final OpenStreams openStreams;

    public StreamsLivenessCheck(OpenStreams openStreams) {
        this.openStreams = openStreams;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .up()
                .withData("openStreams", openStreams.count())
                .withData("eventsSent", openStreams.eventsSent())
                .build();
    }
}
