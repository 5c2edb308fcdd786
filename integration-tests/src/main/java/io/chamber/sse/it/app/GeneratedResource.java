package io.chamber.sse.it.app;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.chamber.sse.runtime.EventGenerator;
import io.chamber.sse.runtime.stream.SseEvent;
import io.smallrye.mutiny.Multi;

/** An application's own Quarkus REST endpoint serving the extension's generator with the query's options. */
@Path("/generated")
public class GeneratedResource {

    private final EventGenerator generator;

    public GeneratedResource(EventGenerator generator) {
        this.generator = generator;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SseEvent> events(@Context UriInfo uri) {
        Map<String, String> query = uri.getQueryParameters().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(0)));
        return generator.stream(generator.options(query));
    }
}
