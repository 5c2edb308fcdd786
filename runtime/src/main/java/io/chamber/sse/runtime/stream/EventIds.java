package io.chamber.sse.runtime.stream;

import java.util.HexFormat;

/**
 * Event ids: 32 hex characters that encode a stream's seed and an event's sequence number, so a client that
 * reconnects with {@code Last-Event-ID} can be resumed by any instance without server memory.
 * <p>
 * The 128 bits are the seed (64 bits), the sequence number (40 bits) and a 24-bit check, scrambled by three
 * Feistel rounds so ids look random; the check tells our ids from any others.
 */
public final class EventIds {

    /** The largest sequence number an id can carry. */
    public static final long MAX_SEQUENCE = (1L << 40) - 1;

    /** Every id has this many characters. */
    public static final int LENGTH = 32;

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long ROUND_KEY_1 = 0x9E3779B97F4A7C15L;
    private static final long ROUND_KEY_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long ROUND_KEY_3 = 0x165667B19E3779F9L;
    private static final int CHECK_BITS = 24;
    private static final long CHECK_MASK = (1L << CHECK_BITS) - 1;

    /** A stream position decoded from an id. */
    public record Position(long seed, long sequence) {
    }

    private EventIds() {
    }

    public static String encode(long seed, long sequence) {
        byte[] id = new byte[LENGTH];
        encode(seed, sequence, id, 0);
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes the id as 32 ASCII hex digits into {@code into} at {@code offset}, for writers that allocate nothing. */
    static void encode(long seed, long sequence, byte[] into, int offset) {
        long right = (sequence << CHECK_BITS) | check(seed, sequence);
        right ^= mix(seed ^ ROUND_KEY_1);
        long left = seed ^ mix(right ^ ROUND_KEY_2);
        right ^= mix(left ^ ROUND_KEY_3);
        for (int i = 0; i < 16; i++) {
            into[offset + i] = HEX_DIGITS[(int) (left >>> (60 - 4 * i)) & 0xF];
            into[offset + 16 + i] = HEX_DIGITS[(int) (right >>> (60 - 4 * i)) & 0xF];
        }
    }

    /**
     * @return the position the id encodes
     * @throws IllegalArgumentException if the text is not an id this extension made
     */
    public static Position decode(String id) {
        if (id.length() != LENGTH || !id.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not 32 hex characters");
        }
        long left = HexFormat.fromHexDigitsToLong(id, 0, 16);
        long right = HexFormat.fromHexDigitsToLong(id, 16, 32) ^ mix(left ^ ROUND_KEY_3);
        long seed = left ^ mix(right ^ ROUND_KEY_2);
        right ^= mix(seed ^ ROUND_KEY_1);
        long sequence = right >>> CHECK_BITS;
        if ((right & CHECK_MASK) != check(seed, sequence)) {
            throw new IllegalArgumentException("not an id of this stream");
        }
        return new Position(seed, sequence);
    }

    private static long check(long seed, long sequence) {
        return mix(seed + mix(sequence)) & CHECK_MASK;
    }

    /** The SplitMix64 finalizer: a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
