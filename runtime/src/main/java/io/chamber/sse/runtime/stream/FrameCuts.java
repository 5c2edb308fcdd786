package io.chamber.sse.runtime.stream;

/**
 * Where a {@link Split} cuts a frame into separate writes, found one cut at a time as the pieces go, so a frame
 * held for minutes (one byte per tick) costs no table of its cuts. One instance per stream: the random cuts come
 * from the stream's seed, one draw for every offset of every frame, in order.
 */
public final class FrameCuts {

    private final Split split;
    private long state;

    public FrameCuts(Split split, long seed) {
        this.split = split;
        this.state = EventIds.mix(seed ^ 0x5DEECE66DL);
    }

    /**
     * The first cut after {@code from}, strictly between it and {@code length}, or {@code length} when the rest of
     * the frame is one piece. Call it with {@code from} 0 and then with each cut it returned until it returns
     * {@code length}: each offset of the frame is looked at once.
     */
    public int next(byte[] bytes, int length, int from) {
        for (int i = from + 1; i < length; i++) {
            if (cutsBefore(bytes, i)) {
                return i;
            }
        }
        return length;
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
