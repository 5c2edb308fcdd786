package io.chamber.sse.runtime.stream;

import java.time.Instant;

/**
 * What one stream writes, and when: first the prelude ({@code retry}, padding) with the first event, then the
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
        /** Write {@link #appendEnd}, then end the response cleanly. */
        END,
        /** Write {@link #appendEnd}, then break the connection without ending the response. */
        DROP
    }

    /** A frame of due events grows to about this size before it is written. */
    public static final int BATCH_BYTES = 16 * 1024;
    /**
     * The drop comes this long after the last event: a client may discard data that arrives together with a broken
     * connection (Chromium does), and the events before a drop must arrive.
     */
    static final long DROP_GRACE_NANOS = 10_000_000;

    private final StreamOptions options;
    private final StreamCursor cursor;
    private final WireFormat format;
    private long heartbeatNanos;
    private final long startNanos;
    private final long startEpochMicros;
    private String firstEventType;
    private String firstEventData;
    private long lastWriteNanos;
    private long eventsSent;
    private int eventsInFrame;
    private boolean started;

    public StreamFrames(StreamOptions options, long requestStartNanos) {
        this.options = options;
        this.cursor = new StreamCursor(options, requestStartNanos);
        this.format = WireFormat.of(options);
        this.heartbeatNanos = options.heartbeat().toNanos();
        this.startNanos = requestStartNanos;
        // the wall clock at the request's start, not at this line: the time in between would stamp events early
        Instant now = options.stamp() ? Instant.now() : Instant.EPOCH;
        long sinceRequestMicros = options.stamp() ? (System.nanoTime() - requestStartNanos) / 1000 : 0;
        this.startEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - sinceRequestMicros;
    }

    /** Puts an event of its own type and data (one line, no id) before the stream's events. */
    public StreamFrames withFirstEvent(String type, String data) {
        this.firstEventType = type;
        this.firstEventData = data;
        return this;
    }

    /** Leaves out the heartbeats, whatever the options say: for a simulation of what a client dispatches. */
    StreamFrames withoutHeartbeats() {
        this.heartbeatNanos = 0;
        return this;
    }

    /** The step at {@code nowNanos}; for {@link Step#WRITE}, {@code out} holds the frame. */
    public Step next(long nowNanos, Frame out) {
        eventsInFrame = 0;
        if (reached(options.dropAfter())) {
            return nowNanos - lastWriteNanos >= DROP_GRACE_NANOS ? Step.DROP : Step.WAIT;
        }
        if (reached(options.failAfter()) || cursor.finished(nowNanos)) {
            return Step.END;
        }
        if (cursor.isDue(nowNanos)) {
            out.clear();
            if (!started) {
                format.appendPrelude(out);
                if (firstEventType != null) {
                    format.appendEvent(out, firstEventType, firstEventData);
                    firstEventType = null;
                    firstEventData = null; // an echoed request can be tens of KB: not kept for the stream's life
                }
                started = true;
            }
            long sentMicros = options.stamp() ? startEpochMicros + (nowNanos - startNanos) / 1000 : -1;
            do {
                int written = cursor.writeNext(out, format, nowNanos, sentMicros);
                eventsSent += written;
                eventsInFrame += written;
            } while (out.length() < BATCH_BYTES && cursor.isDue(nowNanos) && !cursor.finished(nowNanos)
                    && !reached(options.failAfter()) && !reached(options.dropAfter()));
            if (out.length() == 0) {
                return Step.WAIT;
            }
            lastWriteNanos = nowNanos;
            return Step.WRITE;
        }
        if (heartbeatDue(nowNanos)) {
            format.appendHeartbeat(out.clear());
            lastWriteNanos = nowNanos;
            return Step.WRITE;
        }
        return Step.WAIT;
    }

    /** When the stream next needs attention: its next event, its end or fault, or its next heartbeat. */
    public long wakeNanos() {
        if (reached(options.dropAfter())) {
            return lastWriteNanos + DROP_GRACE_NANOS;
        }
        if (reached(options.failAfter())) {
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

    /** What goes last, after {@link Step#END} or {@link Step#DROP}: with {@code trailing-partial}, a partial event. */
    public Frame appendEnd(Frame out) {
        format.appendEnd(out.clear(), cursor.slot());
        return out;
    }

    private boolean heartbeatDue(long nowNanos) {
        return started && heartbeatNanos > 0 && nowNanos - lastWriteNanos >= heartbeatNanos;
    }

    private boolean reached(long limit) {
        return limit > 0 && eventsSent >= limit;
    }
}
