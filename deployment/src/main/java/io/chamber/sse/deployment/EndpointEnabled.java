package io.chamber.sse.deployment;

import java.util.function.BooleanSupplier;

/** Build steps of the endpoint run only when {@code quarkus.chamber.sse.enabled} is true. */
class EndpointEnabled implements BooleanSupplier {

    private final ChamberSseBuildTimeConfig config;

    EndpointEnabled(ChamberSseBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return config.enabled();
    }
}
