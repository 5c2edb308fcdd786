package io.chamber.sse.deployment;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.http.ParameterCatalog;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The parameter catalog as the build sees the configuration: the defaults and limits set in
 * {@code application.properties} (with the build's profile), system properties and the environment of the build.
 * The runtime configuration is read again at startup; a value changed only at run time is not in what the build
 * generates from this (the OpenAPI document, the Dev UI form).
 */
final class BuildTimeCatalog {

    private BuildTimeCatalog() {
    }

    static ParameterCatalog get() {
        SmallRyeConfig buildConfig = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<ConfigSource> sources = new ArrayList<>();
        buildConfig.getConfigSources().forEach(sources::add);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(sources)
                .withProfiles(buildConfig.getProfiles())
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withMapping(ChamberSseConfig.class)
                .withValidateUnknown(false)
                .build();
        return new ParameterCatalog(config.getConfigMapping(ChamberSseConfig.class));
    }
}
