package io.chamber.sse.runtime.stream;

import java.util.Arrays;

/**
 * Where a {@link Split} cuts a frame into separate writes. One instance per stream: the random cuts come from the
 * stream's seed, one draw after the other.
 */
public final class FrameCuts {

    private final Split split;
    private long state;

    public FrameCuts(Split split, long seed) {
        this.split = split;
        this.state = EventIds.mix(seed ^ 0x5DEECE66DL);
    }

    /** The offsets, strictly between 0 and {@code length}, at which the frame's bytes are cut, in order. */
    public int[] of(byte[] bytes, int length) {
        int[] cuts = new int[Math.max(0, length - 1)];
        int count = 0;
        for (int i = 1; i < length; i++) {
            if (cutsBefore(bytes, i)) {
                cuts[count++] = i;
            }
        }
        return Arrays.copyOf(cuts, count);
    }

    private boolean cutsBefore(byte[] bytes, int i) {
        byte previous = bytes[i - 1];
        return switch (split) {
            case BYTE -> true;
            case LINE -> previous == '\n' || (previous == '\r' && bytes[i] != '\n');
            case MID_CRLF -> previous == '\r' && bytes[i] == '\n';
            case MID_UTF8 -> (bytes[i] & 0xC0) == 0x80 && (previous & 0xC0) == 0xC0;
            case RANDOM -> (EventIds.mix(state += 0x9E3779B97F4A7C15L) & 0xF) == 0;
        };
    }
}
