package io.chamber.sse.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.chamber.sse.runtime.EventGenerator;
import io.chamber.sse.runtime.stream.SseEvent;
import io.smallrye.mutiny.Multi;

/**
 * Reuses the extension's generator in an endpoint of the application's own: every {@link SseEvent}, whole,
 * as a JSON {@code data:} line, serialized by Quarkus REST's Jackson support.
 */
@Path("/demo/ticks")
public class TicksResource {

    private final EventGenerator generator;

    public TicksResource(EventGenerator generator) {
        this.generator = generator;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SseEvent> ticks() {
        return generator.stream(); // the configured defaults
        // or, with the endpoint's parameter names and validation (java.util.Map):
        // return generator.stream(generator.options(Map.of("seed", "42", "interval", "250ms", "count", "10")));
    }
}
