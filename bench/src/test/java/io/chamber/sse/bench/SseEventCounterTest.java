package io.chamber.sse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SseEventCounterTest {

    private static final String EVENT = "id: 0123456789abcdef0123456789abcdef\nevent: random\n"
            + "data: {\"message\": \"abcDEF0123\", \"elapsed\": 0.000123}\n\n";

    @Test
    void countsEventsFedWhole() {
        assertEquals(3, new SseEventCounter().feed(bytes(EVENT + EVENT + EVENT), 0, bytes(EVENT).length * 3));
    }

    @Test
    void countsEventsSplitAtEveryByte() {
        SseEventCounter counter = new SseEventCounter();
        byte[] stream = bytes(EVENT + EVENT);
        int total = 0;
        for (int i = 0; i < stream.length; i++) {
            total += counter.feed(stream, i, 1);
        }
        assertEquals(2, total);
    }

    @Test
    void anEventCompletesOnlyAtTheBlankLine() {
        SseEventCounter counter = new SseEventCounter();
        byte[] stream = bytes(EVENT);
        assertEquals(0, counter.feed(stream, 0, stream.length - 1));
        assertEquals(1, counter.feed(stream, stream.length - 1, 1));
    }

    @Test
    void crlfAndCrLineEndsCountOnce() {
        SseEventCounter counter = new SseEventCounter();
        byte[] crlf = bytes("data: a\r\n\r\n");
        assertEquals(0, counter.feed(crlf, 0, 8));
        assertEquals(1, counter.feed(crlf, 8, crlf.length - 8));
        assertEquals(1, counter.feed(bytes("data: b\r\r"), 0, 9));
    }

    @Test
    void blocksWithoutDataDispatchNothing() {
        byte[] stream = bytes(": heartbeat\n\nid: 1\nevent: x\n\ndatum: no\n\ndata\n\n");
        assertEquals(1, new SseEventCounter().feed(stream, 0, stream.length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
