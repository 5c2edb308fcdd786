package io.chamber.sse.runtime;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready for new streams: DOWN while {@code max-streams} streams are open (the next one would be refused) and from
 * the start of a shutdown on, so balancers and Kubernetes send new streams to another instance. A bean only when
 * the application has {@code quarkus-smallrye-health}.
 */
@Readiness
@Singleton
public class StreamsReadinessCheck implements HealthCheck {

    static final String NAME = "chamber-sse streams";

    private final OpenStreams openStreams;
    private final ChamberSseConfig config;

    public StreamsReadinessCheck(OpenStreams openStreams, ChamberSseConfig config) {
        this.openStreams = openStreams;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean full = openStreams.isFull();
        boolean shuttingDown = openStreams.isShuttingDown();
        return HealthCheckResponse.named(NAME)
                .status(!full && !shuttingDown)
                .withData("openStreams", openStreams.count())
                .withData("maxStreams", config.maxStreams())
                .withData("shuttingDown", shuttingDown)
                .build();
    }
}
