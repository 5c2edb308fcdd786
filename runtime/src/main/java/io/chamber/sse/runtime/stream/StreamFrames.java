package io.chamber.sse.runtime.stream;

/**
 * What one stream writes, and when: first the padding and {@code retry} prelude with the first event, then the
 * events (those due at once go out in one frame, so a fire-hose costs one write per batch), a heartbeat comment
 * whenever nothing went out for the heartbeat period, and the end or fault the options ask for. Whoever serves
 * the stream asks {@link #next} at {@link #wakeNanos()} and carries out the answer. Not thread-safe.
 */
public final class StreamFrames {

    /** What to do now. */
    public enum Step {
        /** Write the frame just filled. */
        WRITE,
        /** Nothing to write yet: ask again at {@link #wakeNanos()}. */
        WAIT,
        /** End the response cleanly. */
        END,
        /** Break the connection without ending the response. */
        DROP
    }

    /** A frame of due events grows to about this size before it is written. */
    static final int BATCH_BYTES = 16 * 1024;

    private final StreamOptions options;
    private final StreamCursor cursor;
    private final SseWireFormat wire;
    private final long heartbeatNanos;
    private long lastWriteNanos;
    private long eventsSent;
    private int eventsInFrame;
    private boolean started;

    public StreamFrames(StreamOptions options, long requestStartNanos) {
        this.options = options;
        this.cursor = new StreamCursor(options, requestStartNanos);
        this.wire = new SseWireFormat(options);
        this.heartbeatNanos = options.heartbeat().toNanos();
    }

    /** The step at {@code nowNanos}; for {@link Step#WRITE}, {@code out} holds the frame. */
    public Step next(long nowNanos, Frame out) {
        eventsInFrame = 0;
        if (reached(options.dropAfter())) {
            return Step.DROP;
        }
        if (reached(options.failAfter()) || cursor.finished(nowNanos)) {
            return Step.END;
        }
        if (cursor.isDue(nowNanos)) {
            out.clear();
            if (!started) {
                appendPrelude(out);
                started = true;
            }
            do {
                cursor.writeNext(out, wire, nowNanos);
                eventsSent++;
                eventsInFrame++;
            } while (out.length() < BATCH_BYTES && cursor.isDue(nowNanos) && !cursor.finished(nowNanos)
                    && !reached(options.failAfter()) && !reached(options.dropAfter()));
            lastWriteNanos = nowNanos;
            return Step.WRITE;
        }
        if (heartbeatDue(nowNanos)) {
            out.clear().append(SseWireFormat.HEARTBEAT);
            lastWriteNanos = nowNanos;
            return Step.WRITE;
        }
        return Step.WAIT;
    }

    /** When the stream next needs attention: its next event, its end or fault, or its next heartbeat. */
    public long wakeNanos() {
        if (reached(options.failAfter()) || reached(options.dropAfter())) {
            return lastWriteNanos;
        }
        long wake = cursor.wakeNanos();
        if (started && heartbeatNanos > 0 && lastWriteNanos + heartbeatNanos - wake < 0) {
            return lastWriteNanos + heartbeatNanos;
        }
        return wake;
    }

    /** How many events the last frame holds (0 for a heartbeat). */
    public int eventsInFrame() {
        return eventsInFrame;
    }

    private boolean heartbeatDue(long nowNanos) {
        return started && heartbeatNanos > 0 && nowNanos - lastWriteNanos >= heartbeatNanos;
    }

    private void appendPrelude(Frame out) {
        if (options.padding() > 0) {
            SseWireFormat.appendPadding(out, options.padding());
        }
        if (options.retryMillis() >= 0) {
            SseWireFormat.appendRetry(out, options.retryMillis());
        }
    }

    private boolean reached(long limit) {
        return limit > 0 && eventsSent >= limit;
    }
}
