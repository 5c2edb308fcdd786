package io.chamber.sse.runtime.stream;

/**
 * A stream's schedule: when each event is due, counted from the first one, in constant time for any sequence number,
 * so a resumed stream knows where it is on the uninterrupted stream's timeline.
 * <p>
 * Event n is due at {@code n × (min + max) / 2 + jitter(n) − jitter(0)}: a fixed grid, each event moved later by a
 * jitter of its own, from 0 to half the interval's span, drawn from (seed, n). So every pause lies within the
 * interval's bounds and averages its middle, and the schedule never drifts.
 */
final class Timeline {

    /** Where an id of an absurd sequence number (a forged one) is put: 146 years on, beyond any real stream. */
    private static final long MAX_NANOS = 1L << 62;

    private final long seed;
    private final long minNanos;
    private final long spanNanos;
    private final long halfSpanNanos;
    private final EventRandomness random = new EventRandomness();

    Timeline(long seed, Interval interval) {
        this.seed = seed;
        this.minNanos = interval.min().toNanos();
        this.spanNanos = interval.max().toNanos() - minNanos;
        this.halfSpanNanos = spanNanos / 2;
    }

    /** How much later than its place on the grid event {@code sequence} is due: 0 to half the span. */
    long jitterNanos(long sequence) {
        return halfSpanNanos == 0 ? 0 : random.draw(seed, sequence, halfSpanNanos + 1);
    }

    /** The pause after event {@code sequence}, given its jitter and the next event's. */
    long pauseNanos(long sequence, long jitterNanos, long nextJitterNanos) {
        long gridStep = halfSpanNanos + ((spanNanos & 1) == 1 && (sequence & 1) == 1 ? 1 : 0);
        return minNanos + gridStep + nextJitterNanos - jitterNanos;
    }

    /** When event {@code sequence} is due, from the first event's due time: the sum of the pauses before it. */
    long atNanos(long sequence) {
        if ((double) sequence * (minNanos + halfSpanNanos + 1) > MAX_NANOS) {
            return MAX_NANOS;
        }
        return sequence * minNanos + (sequence / 2) * spanNanos + (sequence % 2) * halfSpanNanos
                + jitterNanos(sequence) - jitterNanos(0);
    }
}
