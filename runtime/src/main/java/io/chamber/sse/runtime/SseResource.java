package io.chamber.sse.runtime;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The SSE test endpoint. It has no class-level {@code @Path}: the build step registers it at
 * {@code quarkus.chamber.sse.path}.
 */
public class SseResource {

    private final StreamOptionsParser parser;
    private final Pauses pauses;
    private final OpenStreams openStreams;

    public SseResource(StreamOptionsParser parser, Pauses pauses, OpenStreams openStreams) {
        this.parser = parser;
        this.pauses = pauses;
        this.openStreams = openStreams;
    }

    @GET
    public RestMulti<Buffer> stream(@BeanParam StreamParameters parameters, @Context HttpServerRequest request) {
        long requestStartNanos = System.nanoTime();
        StreamOptions options = parser.parse(parameters);
        if (options.status() != 0) {
            throw noStream(options.status());
        }
        if (options.exhausted()) {
            throw noStream(204);
        }
        openStreams.reserve();
        Multi<Buffer> frames = new ResponseStream(options, requestStartNanos, pauses, request.response(), openStreams)
                .frames();
        RestMulti.SyncRestMulti.Builder<Buffer> response = RestMulti.fromMultiData(frames)
                .header("Content-Type", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*");
        if (request.version() == HttpVersion.HTTP_1_1) {
            response.header("Connection", "keep-alive");
        }
        return response.build();
    }

    /** Ends the request with this status and no stream. */
    private static WebApplicationException noStream(int status) {
        return new WebApplicationException(Response.status(status).header("Access-Control-Allow-Origin", "*").build());
    }
}
