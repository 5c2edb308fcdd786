package io.chamber.sse.deployment;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.chamber.sse.runtime.http.StreamParameter;

/**
 * Adds the stream endpoint to the OpenAPI document: it is a Vert.x route, which the annotation scanner cannot see.
 */
final class StreamOpenApiFilter implements OASFilter {

    private static final String DURATION = " A duration: 250ms, 2s, 1.5 (seconds), 1m, or ISO-8601.";

    private final String path;

    StreamOpenApiFilter(String path) {
        this.path = path;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(path + "/expected", OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("chamberSseExpected")
                .summary("What a conforming EventSource must dispatch from a stream")
                .description("For the same parameters as the stream (which need a seed and a count): the events a "
                        + "client following the WHATWG parsing rules must dispatch (type, data, lastEventId), the "
                        + "reconnection time it ends with and whether it must reconnect, as JSON.")
                .parameters(Arrays.stream(StreamParameter.values()).map(StreamOpenApiFilter::parameter).toList())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The manifest", "application/json"))
                        .addAPIResponse("400", response("No seed or count, a parameter that cannot be used, or one that "
                                + "makes the stream depend on the clock or the request", "application/problem+json")))));
        openAPI.getPaths().addPathItem(path, OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("chamberSseStream")
                .summary("A live Server-Sent Events test stream")
                .description("Random events (`id`, `event`, `data` with a JSON message and elapsed seconds) at "
                        + "random intervals, forever, shaped by the parameters.")
                .parameters(Arrays.stream(StreamParameter.values()).map(StreamOpenApiFilter::parameter).toList())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The event stream", "text/event-stream"))
                        .addAPIResponse("204", OASFactory.createAPIResponse()
                                .description("A resumed stream that has already sent all of its count"))
                        .addAPIResponse("400", response("A parameter that cannot be used, named in an RFC 9457 problem",
                                "application/problem+json"))
                        .addAPIResponse("503", response("Too many open streams; see Retry-After",
                                "application/problem+json")))));
    }

    /** Every parameter the endpoint reads, described; a new parameter does not compile until it is described here. */
    static String description(StreamParameter parameter) {
        return switch (parameter) {
            case EVENT -> "Event name of every event instead of `random`; 1 to 64 characters, no CR or LF.";
            case DATA -> "Fixed message of every event instead of a random one; JSON-escaped, up to 1024 characters.";
            case INTERVAL -> "Pause between events: a duration for a fixed pace, MIN..MAX for a random one, 0 for as "
                    + "fast as the client reads. Default 1s..5s." + DURATION;
            case COUNT -> "End the stream after this many events in all (across reconnections); a resume after the "
                    + "last one is answered 204.";
            case DURATION -> "End the response cleanly after this long." + DURATION;
            case DELAY -> "Wait this long before the headers and the first event." + DURATION;
            case RETRY -> "Reconnection delay in milliseconds, sent first as the `retry:` field.";
            case HEARTBEAT -> "Send a `: heartbeat` comment whenever nothing went out for this long." + DURATION;
            case PADDING -> "Send first a comment of this many bytes, to defeat or reveal buffering.";
            case SEED -> "Seed of a deterministic stream: the same seed gives the same ids, messages and pauses.";
            case FAIL_AFTER -> "End the response cleanly after this many events, as if the server closed it.";
            case DROP_AFTER -> "Drop the TCP connection abruptly after this many events.";
            case STATUS -> "Answer with this HTTP status (200 to 599) and no stream; 204 stops EventSource.";
            case LAST_EVENT_ID -> "Resume after this event id, as EventSource polyfills send it.";
            case LAST_EVENT_ID_HEADER -> "Resume after this event id, as EventSource sends it on reconnect.";
            case QUIRK -> "Legal but unusual wire formats, comma-separated: bom, crlf, cr, mixed-newlines, multiline, "
                    + "no-space, extra-space, unknown-field, bare-field, comment, id-null, empty-id, retry-bogus, "
                    + "empty-data, trailing-partial, utf8.";
            case SPLIT -> "Cut each frame into separately flushed writes: byte, line, mid-crlf, mid-utf8 or random "
                    + "(seeded).";
            case ID_FAULT -> "A fault in every Nth event's id: dup (repeats the previous id), skip (leaves the event "
                    + "out) or reorder (swaps it with the next).";
            case ID_FAULT_EVERY -> "N for id_fault: every Nth event, from 2; default 10.";
            case ECHO -> "echo=request: the first event (type request) carries the request as the server saw it.";
            case STAMP -> "stamp=1: every payload also carries sent, the server's send time in microseconds since "
                    + "the epoch.";
            case ACCEL_BUFFERING -> "X-Accel-Buffering: no is sent by default, so nginx passes events straight "
                    + "through; accel_buffering=omit leaves it out.";
            case GZIP -> "gzip=1: the stream is sent with Content-Encoding: gzip, flushed after every event; "
                    + "gzip=auto: only when Accept-Encoding allows gzip.";
            case ACCEPT_ENCODING_HEADER -> "With gzip=auto, the stream is compressed only when this allows gzip.";
        };
    }

    private static Schema.SchemaType type(StreamParameter parameter) {
        return switch (parameter) {
            case COUNT, RETRY, PADDING, SEED, FAIL_AFTER, DROP_AFTER, STATUS, ID_FAULT_EVERY -> Schema.SchemaType.INTEGER;
            default -> Schema.SchemaType.STRING;
        };
    }

    private static Parameter parameter(StreamParameter parameter) {
        return OASFactory.createParameter().name(parameter.wireName())
                .in(parameter.isHeader() ? Parameter.In.HEADER : Parameter.In.QUERY)
                .description(description(parameter)).required(false)
                .schema(OASFactory.createSchema().addType(type(parameter)));
    }

    private static APIResponse response(String description, String mediaType) {
        Content content = OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
