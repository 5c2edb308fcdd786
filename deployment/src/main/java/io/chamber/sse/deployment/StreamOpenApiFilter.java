package io.chamber.sse.deployment;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds the stream endpoint to the OpenAPI document: its resource class has no {@code @Path} (the path is chosen
 * at build time), so the annotation scanner cannot find it.
 */
final class StreamOpenApiFilter implements OASFilter {

    private record Described(String name, Parameter.In in, Schema.SchemaType type, String description) {
    }

    private static final String DURATION = " A duration: 250ms, 2s, 1.5 (seconds), 1m, or ISO-8601.";

    static final List<Described> PARAMETERS = List.of(
            new Described("event", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Event name of every event instead of `random`; 1 to 64 characters, no CR or LF."),
            new Described("data", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Fixed message of every event instead of a random one; JSON-escaped, up to 1024 characters."),
            new Described("interval", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Pause between events: a duration for a fixed pace, MIN..MAX for a random one, 0 for as fast as "
                            + "the client reads. Default 1s..5s." + DURATION),
            new Described("count", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "End the stream after this many events in all (across reconnections); a resume after the last "
                            + "one is answered 204."),
            new Described("duration", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "End the response cleanly after this long." + DURATION),
            new Described("delay", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Wait this long before the headers and the first event." + DURATION),
            new Described("retry", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "Reconnection delay in milliseconds, sent first as the `retry:` field."),
            new Described("heartbeat", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Send a `: heartbeat` comment whenever nothing went out for this long." + DURATION),
            new Described("padding", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "Send first a comment of this many bytes, to defeat or reveal buffering."),
            new Described("seed", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "Seed of a deterministic stream: the same seed gives the same ids, messages and pauses."),
            new Described("fail_after", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "End the response cleanly after this many events, as if the server closed it."),
            new Described("drop_after", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "Drop the TCP connection abruptly after this many events."),
            new Described("status", Parameter.In.QUERY, Schema.SchemaType.INTEGER,
                    "Answer with this HTTP status (200 to 599) and no stream; 204 stops EventSource."),
            new Described("lastEventId", Parameter.In.QUERY, Schema.SchemaType.STRING,
                    "Resume after this event id, as EventSource polyfills send it."),
            new Described("Last-Event-ID", Parameter.In.HEADER, Schema.SchemaType.STRING,
                    "Resume after this event id, as EventSource sends it on reconnect."));

    private final String path;

    StreamOpenApiFilter(String path) {
        this.path = path;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(path, OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("chamberSseStream")
                .summary("A live Server-Sent Events test stream")
                .description("Random events (`id`, `event`, `data` with a JSON message and elapsed seconds) at "
                        + "random intervals, forever, shaped by the parameters.")
                .parameters(PARAMETERS.stream().map(StreamOpenApiFilter::parameter).toList())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The event stream", "text/event-stream"))
                        .addAPIResponse("204", OASFactory.createAPIResponse()
                                .description("A resumed stream that has already sent all of its count"))
                        .addAPIResponse("400", response("A parameter that cannot be used, named in an RFC 9457 problem",
                                "application/problem+json"))
                        .addAPIResponse("503", response("Too many open streams; see Retry-After",
                                "application/problem+json")))));
    }

    private static Parameter parameter(Described described) {
        return OASFactory.createParameter().name(described.name()).in(described.in())
                .description(described.description()).required(false)
                .schema(OASFactory.createSchema().addType(described.type()));
    }

    private static APIResponse response(String description, String mediaType) {
        Content content = OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
