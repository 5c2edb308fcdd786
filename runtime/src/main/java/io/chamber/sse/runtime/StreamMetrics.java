package io.chamber.sse.runtime;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the open-stream count and the events sent as Micrometer meters; a bean only when the application
 * has {@code quarkus-micrometer}.
 */
@Singleton
public class StreamMetrics implements MeterBinder {

    private final OpenStreams openStreams;

    public StreamMetrics(OpenStreams openStreams) {
        this.openStreams = openStreams;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chamber.sse.streams.open", openStreams, OpenStreams::count)
                .description("SSE streams open now")
                .register(registry);
        Gauge.builder("chamber.sse.memory.reserved", openStreams, OpenStreams::reservedBytes)
                .description("Memory the open SSE streams reserved from quarkus.chamber.sse.memory-budget")
                .baseUnit("bytes")
                .register(registry);
        FunctionCounter.builder("chamber.sse.events.sent", openStreams, OpenStreams::eventsSent)
                .description("SSE events sent since the application started")
                .register(registry);
    }
}
