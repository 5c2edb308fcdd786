package io.chamber.sse.runtime.stream;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a conforming {@code EventSource} must make of one response of a finite stream: the stream is written with
 * the endpoint's own code on a simulated clock, and read with {@link EventStreamParser} frame by frame. Splits and
 * compression change the writes, not what a client dispatches.
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

    /**
     * A manifest is refused once the data of its events add up to more than this many characters: with the
     * {@code count} limit, it bounds the simulation's work and the manifest's size (about 2 MiB of data, which
     * every stream of random messages stays under at any count a manifest takes).
     */
    public static final long MAX_DATA_CHARS = 2L * 1024 * 1024;

    /** The events' data would exceed {@link #MAX_DATA_CHARS}. */
    public static final class TooLarge extends RuntimeException {
        private final long events;

        TooLarge(long events) {
            super(null, null, false, false);
            this.events = events;
        }

        /** How many events had been dispatched when the limit was passed. */
        public long events() {
            return events;
        }
    }

    private ExpectedEvents() {
    }

    /**
     * @param options the options of a stream that ends: with a {@code count}, {@code fail_after} or {@code drop_after}
     * @throws TooLarge when the events' data exceed {@link #MAX_DATA_CHARS}
     */
    public static Manifest of(StreamOptions options) {
        EventStreamParser parser = new EventStreamParser();
        return of(options, frame -> {
            parser.feed(frame.bytes(), 0, frame.length());
            if (parser.dispatchedDataChars() > MAX_DATA_CHARS) {
                throw new TooLarge(parser.end().events().size());
            }
        }) ? manifest(parser.end()) : new Manifest(List.of(), null, false, "");
    }

    private static Manifest manifest(EventStreamParser.Result result) {
        return new Manifest(result.events(), result.reconnectionTime(), true, result.lastEventId());
    }

    /**
     * Writes the stream on a simulated clock, without its heartbeats: they are comments, which change nothing a
     * client dispatches, and a short one in a long pause would be most of the work.
     *
     * @param written takes each frame the stream writes, the end included
     * @return false when the answer is no stream at all (a status, or nothing left to send)
     */
    static boolean of(StreamOptions options, Consumer<Frame> written) {
        if (options.status() != 0 || options.exhausted()) {
            return false;
        }
        Frame frame = new Frame(1024);
        StreamFrames frames = new StreamFrames(options, 0).withoutHeartbeats();
        long now = 0;
        while (true) {
            StreamFrames.Step step = frames.next(now, frame);
            if (step == StreamFrames.Step.END || step == StreamFrames.Step.DROP) {
                written.accept(frames.appendEnd(frame));
                return true;
            }
            if (step == StreamFrames.Step.WRITE) {
                written.accept(frame);
            }
            now = Math.max(now, frames.wakeNanos());
        }
    }
}
