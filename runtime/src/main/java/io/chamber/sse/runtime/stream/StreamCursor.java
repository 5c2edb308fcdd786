package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;

/**
 * Where one stream is: the next slot of its timeline (the sequence number of the event due there), when that slot
 * is due and when the stream ends. Due times follow an absolute schedule from the stream's start, so pauses do not
 * drift. With a seed, or when resumed (the id carries the seed), an event's {@code elapsed} is its slot's time on the
 * {@link Timeline} of the stream as an uninterrupted response would have sent it, so the same request gives the same
 * bytes, and a resumed stream goes on with the values the uninterrupted one would have had. Without, it is the time
 * the event went out, since this request began. Used by one stream's serial steps only.
 */
public final class StreamCursor {

    private final StreamOptions options;
    private final long requestStartNanos;
    private final long startNanos;
    private final boolean hasDeadline;
    private final long deadlineNanos;
    private final EventRandomness random = new EventRandomness();
    private final Timeline timeline;
    /** Where this response's first slot lies on the stream's timeline (after a resume: past the events before it). */
    private final long timelineOffsetNanos;
    private long slot;
    private long slotJitterNanos;
    private long dueNanos;

    public StreamCursor(StreamOptions options, long requestStartNanos) {
        this.options = options;
        this.requestStartNanos = requestStartNanos;
        this.startNanos = requestStartNanos + options.delay().toNanos();
        this.dueNanos = startNanos;
        this.hasDeadline = !options.duration().isZero();
        this.deadlineNanos = startNanos + options.duration().toNanos();
        this.slot = options.firstSequence();
        this.timeline = new Timeline(options.seed(), options.interval());
        this.slotJitterNanos = timeline.jitterNanos(slot);
        this.timelineOffsetNanos = slot == 0 ? 0 : timeline.atNanos(slot);
    }

    /** When the stream next needs attention: its next event, or its end (at once once the count is sent). */
    public long wakeNanos() {
        if (options.isPastEnd(slot)) {
            return requestStartNanos;
        }
        return hasDeadline && deadlineNanos - dueNanos < 0 ? deadlineNanos : dueNanos;
    }

    public boolean finished(long nowNanos) {
        return (hasDeadline && nowNanos - deadlineNanos >= 0) || options.isPastEnd(slot);
    }

    boolean isDue(long nowNanos) {
        return nowNanos - dueNanos >= 0;
    }

    /** The sequence number of the next slot. */
    long slot() {
        return slot;
    }

    /** The plain event of the current slot, stamped {@code nowNanos}; moves on to the next slot. */
    public SseEvent next(long nowNanos) {
        random.atMessage(options.seed(), slot);
        String message = options.data();
        if (message == null) {
            byte[] text = new byte[options.messageMaxLength()];
            message = new String(text, 0, random.message(text, 0, options.messageMinLength(), options.messageMaxLength()),
                    StandardCharsets.US_ASCII);
        }
        SseEvent event = new SseEvent(EventIds.encode(options.seed(), slot), options.eventName(),
                new SseEvent.Payload(message, elapsedNanos(nowNanos) / 1e9));
        advance();
        return event;
    }

    /**
     * Writes the event of the current slot, as the stream's id fault has it (none for a skipped slot); moves on.
     *
     * @return how many events it wrote: 0 or 1
     */
    int writeNext(Frame out, WireFormat format, long nowNanos, long sentMicros) {
        long content = slot;
        long id = slot;
        WireShape shape = options.shape();
        if (shape.faultAt(slot)) {
            switch (shape.idFault()) {
                case DUP -> id = slot - 1;
                case SKIP -> content = -1;
                case REORDER -> {
                    if (!options.isPastEnd(slot + 1)) {
                        content = id = slot + 1;
                    }
                }
            }
        } else if (shape.idFault() == IdFault.REORDER && slot > 0 && shape.faultAt(slot - 1)) {
            content = id = slot - 1;
        }
        if (content >= 0) {
            random.atMessage(options.seed(), content);
            format.appendEvent(out, id, random, (elapsedNanos(nowNanos) + 500) / 1000, sentMicros);
        }
        advance();
        return content >= 0 ? 1 : 0;
    }

    private long elapsedNanos(long nowNanos) {
        return (options.seeded() ? dueNanos + timelineOffsetNanos : nowNanos) - requestStartNanos;
    }

    private void advance() {
        long nextJitterNanos = timeline.jitterNanos(slot + 1);
        dueNanos += timeline.pauseNanos(slot, slotJitterNanos, nextJitterNanos);
        slotJitterNanos = nextJitterNanos;
        slot++;
    }
}
