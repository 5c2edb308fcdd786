package io.chamber.sse.runtime.stream;

/**
 * The random parts of one event (its place on the schedule and its message), derived from (seed, sequence) alone: the same
 * pair gives the same values on any instance, and any event can be computed without replaying the ones before it.
 * A SplitMix64 generator, reset for each event, so a stream reuses one instance and allocates nothing per event.
 */
final class EventRandomness {

    private static final byte[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** The first draw of the event ({@code seed}, {@code sequence}), from 0 to {@code bound - 1}: its schedule's. */
    long draw(long seed, long sequence, long bound) {
        reset(seed, sequence);
        return Math.floorMod(next(), bound);
    }

    /** Positions the generator at the message of the event ({@code seed}, {@code sequence}). */
    void atMessage(long seed, long sequence) {
        reset(seed, sequence);
        next();
    }

    /**
     * Writes a random message of {@code minLength..maxLength} letters and digits into {@code text} at
     * {@code offset}; returns its length.
     */
    int message(byte[] text, int offset, int minLength, int maxLength) {
        int length = minLength + below(maxLength - minLength + 1);
        for (int i = offset; i < offset + length; i++) {
            text[i] = ALPHABET[below(ALPHABET.length)];
        }
        return length;
    }

    private void reset(long seed, long sequence) {
        state = EventIds.mix(seed) ^ EventIds.mix(sequence + 0x632BE59BD9B4E019L);
    }

    private int below(int bound) {
        return (int) (((next() >>> 32) * bound) >>> 32);
    }

    private long next() {
        return EventIds.mix(state += GOLDEN_GAMMA);
    }
}
