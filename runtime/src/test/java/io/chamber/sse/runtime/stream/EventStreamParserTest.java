package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.stream.EventStreamParser.Event;

/** The WHATWG rules for interpreting an event stream, case by case (several from the HTML standard's examples). */
class EventStreamParserTest {

    static EventStreamParser.Result parse(String body) {
        return EventStreamParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theStandardsStockExample() {
        assertEquals(List.of(new Event("message", "YHOO\n+2\n10", "")),
                parse("data: YHOO\ndata: +2\ndata: 10\n\n").events());
    }

    @Test
    void theStandardsExampleWithIdsAndAnEmptyId() {
        String body = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n";
        assertEquals(List.of(new Event("message", "first event", "1"), new Event("message", "second event", ""),
                new Event("message", " third event", "")), parse(body).events());
    }

    @Test
    void theStandardsExampleOfEmptyData() {
        assertEquals(List.of(new Event("message", "", ""), new Event("message", "\n", "")),
                parse("data\n\ndata\ndata\n\ndata:").events());
    }

    @Test
    void theStandardsExampleOfOneSpace() {
        assertEquals(List.of(new Event("message", "test", ""), new Event("message", "test", "")),
                parse("data:test\n\ndata: test\n\n").events());
    }

    @Test
    void linesEndWithCrLfLfOrCrAndOneLeadingBomIsDropped() {
        String body = "\uFEFFevent: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n";
        assertEquals(List.of(new Event("a", "1", ""), new Event("b", "2", ""), new Event("message", "3", "")),
                parse(body).events());
        assertEquals(List.of(), parse("\uFEFF\uFEFFdata: x\n\n").events(),
                "only one BOM is dropped: a second one is part of the field name, which is then unknown");
    }

    @Test
    void anIdWithNullIsIgnoredAndTheLastIdIsSetEvenWhenNothingIsDispatched() {
        EventStreamParser.Result result = parse("id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\nid: 3\nevent: e\n\n");
        assertEquals(List.of(new Event("message", "a", "1"), new Event("message", "b", "1")), result.events());
        assertEquals("3", result.lastEventId());
    }

    @Test
    void retryTakesOnlyDigits() {
        assertEquals(2500L, parse("retry: 2500\n\nretry: 2000x\n\nretry:\n\n").reconnectionTime());
        assertNull(parse("retry: 1.5\n\n").reconnectionTime());
    }

    @Test
    void anEventTheStreamDoesNotFinishIsDiscarded() {
        EventStreamParser.Result result = parse("id: 1\ndata: a\n\nid: 2\ndata: partial\n");
        assertEquals(List.of(new Event("message", "a", "1")), result.events());
        assertEquals("1", result.lastEventId(), "the unfinished event's id never reached the last event ID string");
    }

    @Test
    void commentsAndUnknownFieldsAreIgnored() {
        assertEquals(List.of(new Event("tick", "x", "")),
                parse(": hello\nfoo: bar\nevent: tick\n:another\ndata: x\n\n").events());
    }

    @Test
    void bytesFedOneAtATimeReadAsTheWholeBody() {
        String body = "\uFEFFid: 1\r\nevent: é€\r\n: a comment\rdata: 😀\r\n\r\nretry: 10\n\ndata: x\r\rdata: tail";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EventStreamParser parser = new EventStreamParser();
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }
        EventStreamParser.Result result = parser.end();
        assertEquals(parse(body), result);
        assertEquals(List.of(new Event("é€", "😀", "1"), new Event("message", "x", "1")), result.events());
        assertEquals(10L, result.reconnectionTime());
    }
}
