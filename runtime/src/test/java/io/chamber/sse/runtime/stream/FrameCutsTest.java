package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FrameCutsTest {

    static int[] cuts(Split split, String frame) {
        return cuts(new FrameCuts(split, 42), frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Every cut of one frame, asked for one after the other as a stream does. */
    static int[] cuts(FrameCuts cuts, byte[] bytes) {
        IntStream.Builder all = IntStream.builder();
        for (int at = cuts.next(bytes, bytes.length, 0); at < bytes.length; at = cuts.next(bytes, bytes.length, at)) {
            all.add(at);
        }
        return all.build().toArray();
    }

    @Test
    void byteCutsBetweenEveryTwoBytes() {
        assertArrayEquals(new int[] { 1, 2, 3 }, cuts(Split.BYTE, "abcd"));
    }

    @Test
    void lineCutsAfterEveryLineEnd() {
        assertArrayEquals(new int[] { 3, 7, 8 }, cuts(Split.LINE, "a:\nb:\r\n\rc:\n"));
    }

    @Test
    void midCrlfCutsBetweenCrAndLf() {
        assertArrayEquals(new int[] { 4, 11 }, cuts(Split.MID_CRLF, "id:\r\ndata:\r\n"));
    }

    @Test
    void midUtf8CutsAfterTheFirstByteOfEveryMultibyteCharacter() {
        // "aé€😀": a(1) é(2 bytes at 1) €(3 bytes at 3) 😀(4 bytes at 6)
        assertArrayEquals(new int[] { 2, 4, 7 }, cuts(Split.MID_UTF8, "aé€😀"));
    }

    @Test
    void randomCutsAreSeeded() {
        String frame = "id: 0123456789abcdef0123456789abcdef\nevent: random\ndata: {\"message\": \"x\"}\n\n".repeat(4);
        int[] cuts = cuts(Split.RANDOM, frame);
        assertArrayEquals(cuts, cuts(Split.RANDOM, frame));
        assertTrue(cuts.length > 4 && cuts.length < frame.length() / 4, "about one cut in 16 bytes: " + cuts.length);
        assertEquals(0, cuts(Split.RANDOM, "x").length);
    }

    /**
     * The random cuts fall where the earlier table of all cuts put them (one draw per offset of every frame, in
     * order), frame after frame: a seed gives the same writes as before.
     */
    @Test
    void randomCutsAreTheSameDrawsAsBefore() {
        FrameCuts cuts = new FrameCuts(Split.RANDOM, 7);
        long state = EventIds.mix(7 ^ 0x5DEECE66DL);
        for (int length : new int[] { 1, 2, 300, 17, 4096 }) {
            byte[] frame = new byte[length];
            IntStream.Builder before = IntStream.builder();
            for (int i = 1; i < length; i++) {
                if ((EventIds.mix(state += 0x9E3779B97F4A7C15L) & 0xF) == 0) {
                    before.add(i);
                }
            }
            assertArrayEquals(before.build().toArray(), cuts(cuts, frame), "a frame of " + length + " bytes");
        }
    }

    @Test
    void aFrameWithoutCutsIsOnePiece() {
        byte[] frame = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, new FrameCuts(Split.MID_UTF8, 1).next(frame, frame.length, 0));
        assertEquals(1, new FrameCuts(Split.BYTE, 1).next(frame, 1, 0));
    }
}
