package io.chamber.sse.runtime.http;

import io.chamber.sse.runtime.ChamberSseConfig;
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
        ExpectedEvents.Manifest manifest;
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

    private static ExpectedEvents.Manifest manifest(StreamOptions options) {
        try {
            return ExpectedEvents.of(options);
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
