package io.chamber.sse.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Chamber SSE endpoint.
 */
@ConfigMapping(prefix = "quarkus.chamber.sse")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ChamberSseBuildTimeConfig {

    /**
     * The path of the SSE endpoint, under the HTTP root path ({@code quarkus.http.root-path}). Application code
     * gets the path clients request from the injectable {@code ChamberSseEndpoint}, not from this property.
     */
    @WithDefault("/streaming/sse")
    String path();

    /**
     * Whether the endpoint is served. When false there is no route at all and no {@code ChamberSseEndpoint} bean;
     * the injectable {@code EventGenerator} stays available to the application's own endpoints.
     */
    @WithDefault("true")
    boolean enabled();
}
