package io.chamber.sse.runtime;

import java.util.SplittableRandom;

/**
 * The random parts of one event, derived from (seed, sequence) alone: the same pair gives the same message and
 * pause on any instance, and any event can be computed without replaying the ones before it.
 */
final class EventRandomness {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();

    private EventRandomness() {
    }

    static SplittableRandom of(long seed, long sequence) {
        return new SplittableRandom(EventIds.mix(seed) ^ EventIds.mix(sequence + 0x632BE59BD9B4E019L));
    }

    static String message(SplittableRandom random, int minLength, int maxLength) {
        char[] text = new char[random.nextInt(minLength, maxLength + 1)];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(text);
    }

    static long pauseNanos(SplittableRandom random, Interval interval) {
        long min = interval.min().toNanos();
        long max = interval.max().toNanos();
        return min == max ? min : random.nextLong(min, max + 1);
    }
}
