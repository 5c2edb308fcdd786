package io.chamber.sse.runtime;

import java.util.SplittableRandom;

/**
 * Where one stream is: the next sequence number, when its event is due and when the stream ends.
 * Due times follow an absolute schedule from the stream's start, so pauses do not drift.
 * Used by one stream's serial steps only; not thread-safe.
 */
final class StreamCursor {

    private final StreamOptions options;
    private final long requestStartNanos;
    private final long deadlineNanos;
    private long sequence;
    private long dueNanos;

    StreamCursor(StreamOptions options, long requestStartNanos) {
        this.options = options;
        this.requestStartNanos = requestStartNanos;
        this.dueNanos = requestStartNanos + options.delay().toNanos();
        this.deadlineNanos = options.duration().isZero() ? Long.MAX_VALUE : dueNanos + options.duration().toNanos();
        this.sequence = options.firstSequence();
    }

    /** When the stream next needs attention: its next event, or its end. */
    long wakeNanos() {
        return Math.min(dueNanos, deadlineNanos);
    }

    long dueNanos() {
        return dueNanos;
    }

    long startNanos() {
        return requestStartNanos + options.delay().toNanos();
    }

    boolean finished(long nowNanos) {
        return nowNanos - deadlineNanos >= 0
                || (options.count() > 0 && sequence >= options.count())
                || sequence > EventIds.MAX_SEQUENCE;
    }

    boolean isDue(long nowNanos) {
        return nowNanos - dueNanos >= 0;
    }

    /** The event at the current sequence number, stamped {@code nowNanos}; moves on to the next one. */
    SseEvent next(long nowNanos) {
        SplittableRandom random = EventRandomness.of(options.seed(), sequence);
        String message = options.data() != null ? options.data()
                : EventRandomness.message(random, options.messageMinLength(), options.messageMaxLength());
        SseEvent event = new SseEvent(EventIds.encode(options.seed(), sequence), options.eventName(),
                new SseEvent.Payload(message, (nowNanos - requestStartNanos) / 1e9));
        dueNanos += EventRandomness.pauseNanos(random, options.interval());
        sequence++;
        return event;
    }
}
