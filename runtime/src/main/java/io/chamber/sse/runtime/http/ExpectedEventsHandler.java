package io.chamber.sse.runtime.http;

import java.util.List;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.stream.EventStreamParser;
import io.chamber.sse.runtime.stream.ExpectedEvents;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code <path>/expected}: for the same parameters as a stream, what a conforming {@code EventSource} must dispatch
 * from it, as JSON, without streaming. Only a stream that is the same every time and ends has one: it needs a
 * {@code seed} and a {@code count}, and nothing that depends on the clock or on the request.
 */
public final class ExpectedEventsHandler implements Handler<RoutingContext> {

    /** The longest stream a manifest describes. */
    static final long MAX_EVENTS = 10_000;

    private final StreamOptionsParser parser;

    public ExpectedEventsHandler(ChamberSseConfig config) {
        this.parser = new StreamOptionsParser(config);
    }

    @Override
    public void handle(RoutingContext context) {
        StreamRequest stream = StreamRouteHandler.accept(context.request(), context.response(), parser);
        if (stream == null) {
            return;
        }
        Object manifest;
        try {
            describable(stream);
            manifest = manifest(stream.options());
        } catch (InvalidParameterException e) {
            Problems.invalidParameter(context.response(), e);
            return;
        }
        context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(Json.bytes(manifest)));
    }

    /**
     * The manifest of a stream that breaks or ends early: the first connection's, as for any stream, and the
     * {@code connections} a conforming client makes of it, the first one among them.
     */
    record Resumed(List<EventStreamParser.Event> events, Long reconnectionTime, boolean reconnects, String lastEventId,
            List<ExpectedEvents.Manifest> connections) {
    }

    private static Object manifest(StreamOptions options) {
        try {
            if (options.dropAfter() == 0 && options.failAfter() == 0) {
                return ExpectedEvents.of(options);
            }
            List<ExpectedEvents.Manifest> connections = ExpectedEvents.ofEveryConnection(options);
            ExpectedEvents.Manifest first = connections.get(0);
            return new Resumed(first.events(), first.reconnectionTime(), first.reconnects(), first.lastEventId(),
                    connections);
        } catch (ExpectedEvents.TooLarge e) {
            throw new InvalidParameterException(StreamParameter.COUNT, "is too large for a manifest of "
                    + "events this size: their data pass " + ExpectedEvents.MAX_DATA_CHARS + " characters after "
                    + e.events() + " events", "a count whose events' data add up to at most "
                            + ExpectedEvents.MAX_DATA_CHARS + " characters (fewer events, or a shorter data)");
        }
    }

    private static void describable(StreamRequest stream) {
        StreamOptions options = stream.options();
        if (!options.seeded()) {
            throw new InvalidParameterException(StreamParameter.SEED.wireName(), "is needed: without one every stream "
                    + "is different", "a seed (or the Last-Event-ID of a seeded stream), and a count");
        }
        if (options.count() == 0 || options.count() - options.firstSequence() > MAX_EVENTS) {
            throw new InvalidParameterException(StreamParameter.COUNT.wireName(), options.count() == 0
                    ? "is needed: without one the stream never ends"
                    : "is too large for a manifest: " + options.count(), "a count of at most " + MAX_EVENTS + " events");
        }
        refuse(options.stamp(), StreamParameter.STAMP, "stamps every event with the clock");
        refuse(stream.echoRequest(), StreamParameter.ECHO, "echoes each request, which differs between clients");
        refuse(!options.duration().isZero(), StreamParameter.DURATION, "ends the stream by the clock");
    }

    private static void refuse(boolean present, StreamParameter parameter, String why) {
        if (present) {
            throw new InvalidParameterException(parameter.wireName(), "cannot have a manifest: it " + why,
                    "the same request without " + parameter.wireName());
        }
    }
}
