package io.chamber.sse.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.ChamberSseEndpoint;

/**
 * Where the running app serves the Chamber SSE stream and the event name it gives events that set none, for the
 * viewer page: an {@code EventSource} listens per event type, so the page must know the types before it opens one.
 */
@Path("/demo/stream")
public class StreamResource {

    /** The path clients request the endpoint at, and the event name of a request without {@code event}. */
    public record Stream(String path, String eventName) {
    }

    private final Stream stream;

    public StreamResource(ChamberSseEndpoint endpoint, ChamberSseConfig config) {
        this.stream = new Stream(endpoint.path(), config.eventName());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stream stream() {
        return stream;
    }
}
