package io.chamber.sse.demo;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One Vert.x event loop per core, as a default that any configuration overrides. Quarkus's own default is one per
 * core but at least two, so a server on one core (a container limited to one CPU, the benchmark) runs two loops
 * that take turns on it. The demo only streams and never blocks an event loop, so the second loop only adds
 * context switches and wake-ups: on one core at the default random pace, 24 µs of CPU per event instead of
 * 29–32 µs (docs/performance.md).
 */
public class EventLoopPerCore implements ConfigSource {

    private static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";
    /** Below application.properties (250), the environment (300) and system properties (400). */
    private static final int ORDINAL = 50;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(EVENT_LOOPS, getValue(EVENT_LOOPS));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EVENT_LOOPS);
    }

    @Override
    public String getValue(String propertyName) {
        return EVENT_LOOPS.equals(propertyName) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public String getName() {
        return "chamber-demo-event-loop-per-core";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
