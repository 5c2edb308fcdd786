package io.chamber.sse.runtime.stream;

import java.time.Duration;

/**
 * The pause between two events: fixed when {@code min == max}, otherwise random within the bounds;
 * zero means as fast as the client reads.
 */
public record Interval(Duration min, Duration max) {

    public Interval {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("interval bounds must satisfy 0 <= min <= max");
        }
    }

    public static Interval fixed(Duration pause) {
        return new Interval(pause, pause);
    }

    /** True when events go out as fast as the client reads them. */
    public boolean isFireHose() {
        return max.isZero();
    }

    @Override
    public String toString() {
        return min.equals(max) ? min.toString() : min + ".." + max;
    }
}
