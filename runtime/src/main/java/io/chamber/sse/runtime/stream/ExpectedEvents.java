package io.chamber.sse.runtime.stream;

import java.util.List;

/**
 * What a conforming {@code EventSource} must make of one response of a finite stream: the stream is written with
 * the endpoint's own code on a simulated clock, and read with {@link EventStreamParser}. Splits and compression
 * change the writes, not what a client dispatches.
 */
public final class ExpectedEvents {

    /**
     * The manifest of one request.
     *
     * @param events the events the client must dispatch, in order
     * @param reconnectionTime the reconnection time the stream leaves it with, in milliseconds; {@code null} when the
     *        stream sets none (the client keeps its own default)
     * @param reconnects whether the client must reconnect after this response: true after a stream that ended or
     *        broke, false after an answer that is not a stream (a 204 among them)
     * @param lastEventId the last event id it reconnects with ("" = no {@code Last-Event-ID} header)
     */
    public record Manifest(List<EventStreamParser.Event> events, Long reconnectionTime, boolean reconnects,
            String lastEventId) {
    }

    private ExpectedEvents() {
    }

    /** @param options the options of a stream that ends: with a {@code count}, {@code fail_after} or {@code drop_after} */
    public static Manifest of(StreamOptions options) {
        if (options.status() != 0 || options.exhausted()) {
            return new Manifest(List.of(), null, false, "");
        }
        Frame body = new Frame(4096);
        Frame frame = new Frame(1024);
        StreamFrames frames = new StreamFrames(options, 0);
        long now = 0;
        while (true) {
            StreamFrames.Step step = frames.next(now, frame);
            if (step == StreamFrames.Step.END || step == StreamFrames.Step.DROP) {
                frames.appendEnd(frame);
                body.append(frame.bytes(), 0, frame.length());
                break;
            }
            if (step == StreamFrames.Step.WRITE) {
                body.append(frame.bytes(), 0, frame.length());
            }
            now = Math.max(now, frames.wakeNanos());
        }
        EventStreamParser.Result result = EventStreamParser.parse(java.util.Arrays.copyOf(body.bytes(), body.length()));
        return new Manifest(result.events(), result.reconnectionTime(), true, result.lastEventId());
    }
}
