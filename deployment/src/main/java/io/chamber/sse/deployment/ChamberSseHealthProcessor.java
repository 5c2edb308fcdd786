package io.chamber.sse.deployment;

import io.chamber.sse.runtime.StreamsLivenessCheck;
import io.chamber.sse.runtime.StreamsReadinessCheck;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * With {@code quarkus-smallrye-health}, the endpoint's readiness and liveness checks (off with the other
 * extensions' checks when {@code quarkus.smallrye-health.extensions.enabled=false}).
 */
class ChamberSseHealthProcessor {

    @BuildStep(onlyIf = EndpointEnabled.class)
    void healthChecks(Capabilities capabilities, BuildProducer<HealthBuildItem> checks) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            checks.produce(new HealthBuildItem(StreamsReadinessCheck.class.getName(), true));
            checks.produce(new HealthBuildItem(StreamsLivenessCheck.class.getName(), true));
        }
    }
}
