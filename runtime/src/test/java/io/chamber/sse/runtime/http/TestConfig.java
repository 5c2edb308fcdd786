package io.chamber.sse.runtime.http;

import java.util.Map;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The extension's configuration as an application gets it, without starting one. */
final class TestConfig {

    private TestConfig() {
    }

    /** @param properties {@code quarkus.chamber.sse.*} values over the defaults */
    static ChamberSseConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(ChamberSseConfig.class)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(ChamberSseConfig.class);
    }

    static ChamberSseConfig defaults() {
        return with(Map.of());
    }
}
