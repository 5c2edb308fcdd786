package io.chamber.sse.bench;

import java.util.Arrays;

/**
 * A growable array of primitive longs with nearest-rank percentiles; cheaper per sample than a boxed list.
 * Not thread-safe: fill it from one thread.
 */
public final class LongSamples {

    private long[] values;
    private int size;
    private boolean sorted = true;

    public LongSamples() {
        this(1024);
    }

    public LongSamples(int initialCapacity) {
        values = new long[Math.max(16, initialCapacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        if (size > 0 && value < values[size - 1]) {
            sorted = false;
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The nearest-rank percentile: the smallest sample that at least {@code percent}% of the samples are not above.
     *
     * @param percent in (0, 100]
     * @throws IllegalStateException when there is no sample
     */
    public long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        sort();
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return values[Math.max(rank, 1) - 1];
    }

    public long max() {
        return percentile(100);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}
