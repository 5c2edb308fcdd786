package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;

/**
 * Where one stream is: the next sequence number, when its event is due and when the stream ends.
 * Due times follow an absolute schedule from the stream's start, so pauses do not drift.
 * Used by one stream's serial steps only; not thread-safe.
 */
public final class StreamCursor {

    private final StreamOptions options;
    private final long requestStartNanos;
    private final long startNanos;
    private final boolean hasDeadline;
    private final long deadlineNanos;
    private final EventRandomness random = new EventRandomness();
    private long sequence;
    private long dueNanos;

    public StreamCursor(StreamOptions options, long requestStartNanos) {
        this.options = options;
        this.requestStartNanos = requestStartNanos;
        this.startNanos = requestStartNanos + options.delay().toNanos();
        this.dueNanos = startNanos;
        this.hasDeadline = !options.duration().isZero();
        this.deadlineNanos = startNanos + options.duration().toNanos();
        this.sequence = options.firstSequence();
    }

    /** When the stream next needs attention: its next event, or its end (at once once the count is sent). */
    public long wakeNanos() {
        if (options.isPastEnd(sequence)) {
            return requestStartNanos;
        }
        return hasDeadline && deadlineNanos - dueNanos < 0 ? deadlineNanos : dueNanos;
    }

    public boolean finished(long nowNanos) {
        return (hasDeadline && nowNanos - deadlineNanos >= 0) || options.isPastEnd(sequence);
    }

    boolean isDue(long nowNanos) {
        return nowNanos - dueNanos >= 0;
    }

    /** The event at the current sequence number, stamped {@code nowNanos}; moves on to the next one. */
    public SseEvent next(long nowNanos) {
        random.reset(options.seed(), sequence);
        String message = options.data();
        if (message == null) {
            byte[] text = new byte[options.messageMaxLength()];
            message = new String(text, 0, random.message(text, 0, options.messageMinLength(), options.messageMaxLength()),
                    StandardCharsets.US_ASCII);
        }
        SseEvent event = new SseEvent(EventIds.encode(options.seed(), sequence), options.eventName(),
                new SseEvent.Payload(message, (nowNanos - requestStartNanos) / 1e9));
        advance();
        return event;
    }

    /** Writes the event at the current sequence number, stamped {@code nowNanos}; moves on to the next one. */
    void writeNext(Frame out, SseWireFormat wire, long nowNanos) {
        random.reset(options.seed(), sequence);
        wire.appendEvent(out, options.seed(), sequence, nowNanos - requestStartNanos, random);
        advance();
    }

    /** Draws the pause after the current event (the generator is past its message) and moves on. */
    private void advance() {
        dueNanos += random.pauseNanos(options.interval());
        sequence++;
    }
}
