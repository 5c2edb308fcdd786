package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SseWireFormatTest {

    static StreamOptions options(String event, String data) {
        return StreamOptions.builder().eventName(event).data(data).interval(Duration.ofSeconds(1)).seed(42).build();
    }

    static String event(StreamOptions options, long sequence, long elapsedNanos) {
        Frame out = new Frame(8);
        EventRandomness random = new EventRandomness();
        random.atMessage(options.seed(), sequence);
        new SseWireFormat(options).appendEvent(out, sequence, random, (elapsedNanos + 500) / 1000, -1);
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource({ "0, 0.000000", "499, 0.000000", "500, 0.000001", "342000, 0.000342", "999999499, 0.999999",
            "999999500, 1.000000", "4003213000, 4.003213", "86400000000000, 86400.000000",
            "1234567890123456789, 1234567890.123457" })
    void elapsedHasSixDecimals(long elapsedNanos, String seconds) {
        String event = event(options("random", "x"), 0, elapsedNanos);
        assertTrue(event.endsWith("\"elapsed\": " + seconds + "}\n\n"), event);
    }

    @Test
    void writesTheSeedFormat() {
        String event = event(options("random", null), 3, 1_500_000);
        assertTrue(event.matches("id: " + EventIds.encode(42, 3) + "\nevent: random\n"
                + "data: \\{\"message\": \"[0-9A-Za-z]{10,50}\", \"elapsed\": 0\\.001500}\n\n"), event);
    }

    @Test
    void theSameEventIsWrittenTheSameEveryTime() {
        assertEquals(event(options("random", null), 9, 0), event(options("random", null), 9, 0));
    }

    @Test
    void theWriterWritesTheGeneratorsEvent() {
        StreamOptions options = options("random", null);
        SseEvent event = new StreamCursor(options, 0).next(0);
        assertEquals("id: " + event.id() + "\nevent: random\ndata: {\"message\": \"" + event.data().message()
                + "\", \"elapsed\": 0.000000}\n\n", event(options, 0, 0));
    }

    @Test
    void aFixedMessageIsJsonEscaped() {
        String event = event(options("greeting", "say \"hi\"\\\n\r\u2028é"), 0, 0);
        assertTrue(event.startsWith("id: "));
        assertEquals(4, event.split("\n", -1).length - 1, "three field lines and the blank line: " + event);
        assertTrue(event.contains("data: {\"message\": \"say \\\"hi\\\"\\\\\\n\\r\u2028é\""), event);
    }

    @Test
    void paddingIsOneCommentLineOfSpaces() {
        Frame out = new Frame(4);
        StreamOptions options = StreamOptions.builder().data("x").interval(Duration.ofSeconds(1)).retryMillis(2500)
                .padding(10).seed(42).build();
        new SseWireFormat(options).appendPrelude(out);
        assertEquals(":          \n\nretry: 2500\n\n", out.toString());
    }
}
