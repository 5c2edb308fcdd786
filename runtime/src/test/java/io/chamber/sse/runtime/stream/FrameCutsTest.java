package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FrameCutsTest {

    static int[] cuts(Split split, String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return new FrameCuts(split, 42).of(bytes, bytes.length);
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
}
