package io.chamber.sse.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.chamber.sse.runtime.ChamberSseConfig;

/**
 * Where the running app serves the Chamber SSE stream and the event name it gives events that set none, for the
 * viewer page: an {@code EventSource} listens per event type, so the page must know the types before it opens one.
 */
@Path("/demo/stream")
public class StreamResource {

    /** The endpoint's path under the HTTP root path, and the event name of a request without {@code event}. */
    public record Stream(String path, String eventName) {
    }

    private final Stream stream;

    /** The path comes from the application's own properties: the extension's default is not visible at run time. */
    public StreamResource(@ConfigProperty(name = "quarkus.chamber.sse.path") String path, ChamberSseConfig config) {
        this.stream = new Stream(path, config.eventName());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stream stream() {
        return stream;
    }
}
