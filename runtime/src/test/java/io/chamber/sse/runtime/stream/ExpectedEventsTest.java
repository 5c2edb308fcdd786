package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.stream.EventStreamParser.Event;

/**
 * Each quirk, written by the endpoint's code and read by the reference parser, changes what a client dispatches
 * exactly as its definition says, and no more; id faults and ends likewise.
 */
class ExpectedEventsTest {

    static StreamOptions options(WireShape shape, long count, long retry, long failAfter, long dropAfter) {
        return StreamOptions.builder().eventName("tick").seed(42)
                .interval(new Interval(Duration.ofMillis(100), Duration.ofMillis(900))).count(count).retryMillis(retry)
                .heartbeat(Duration.ofMillis(300)).failAfter(failAfter).dropAfter(dropAfter).shape(shape).build();
    }

    static ExpectedEvents.Manifest manifest(Set<Quirk> quirks) {
        return ExpectedEvents.of(options(new WireShape(quirks, null, null, 0), 6, -1, 0, 0));
    }

    static final ExpectedEvents.Manifest PLAIN = manifest(Set.of());

    @Test
    void thePlainStreamDispatchesEveryEventWithItsId() {
        assertEquals(6, PLAIN.events().size());
        for (int i = 0; i < 6; i++) {
            Event event = PLAIN.events().get(i);
            assertEquals("tick", event.type());
            assertEquals(EventIds.encode(42, i), event.lastEventId());
            assertTrue(event.data().matches("\\{\"message\": \"[0-9A-Za-z]{10,50}\", \"elapsed\": \\d+\\.\\d{6}}"),
                    event.data());
        }
        assertTrue(PLAIN.reconnects());
        assertNull(PLAIN.reconnectionTime());
        assertEquals(EventIds.encode(42, 5), PLAIN.lastEventId());
    }

    @ParameterizedTest
    @EnumSource(value = Quirk.class, names = { "BOM", "CRLF", "CR", "MIXED_NEWLINES", "NO_SPACE", "UNKNOWN_FIELD",
            "COMMENT", "ID_NULL", "RETRY_BOGUS", "EMPTY_DATA", "TRAILING_PARTIAL" })
    void quirksThatAClientMustNotNoticeChangeNothing(Quirk quirk) {
        assertEquals(PLAIN, manifest(Set.of(quirk)));
    }

    @Test
    void allOfThemTogetherChangeNothingEither() {
        assertEquals(PLAIN, manifest(Set.of(Quirk.BOM, Quirk.MIXED_NEWLINES, Quirk.NO_SPACE, Quirk.UNKNOWN_FIELD,
                Quirk.COMMENT, Quirk.ID_NULL, Quirk.RETRY_BOGUS, Quirk.EMPTY_DATA, Quirk.TRAILING_PARTIAL)));
    }

    @Test
    void extraSpaceKeepsTheSecondSpaceInTheData() {
        assertEquals(mapData(data -> " " + data), manifest(Set.of(Quirk.EXTRA_SPACE)).events());
    }

    @Test
    void multilineDataIsJoinedWithLineFeeds() {
        assertEquals(mapData(data -> data.replaceFirst("^\\{", "{\n").replace("\", \"elapsed\"", "\",\n \"elapsed\"")
                .replaceFirst("}$", "\n}")), manifest(Set.of(Quirk.MULTILINE)).events());
    }

    @Test
    void aBareDataFieldAddsAnEmptyLine() {
        assertEquals(mapData(data -> "\n" + data), manifest(Set.of(Quirk.BARE_FIELD)).events());
    }

    @Test
    void utf8EndsEveryMessageWithMultibyteCharacters() {
        assertEquals(mapData(data -> data.replace("\", \"elapsed\"", " é€😀\", \"elapsed\"")),
                manifest(Set.of(Quirk.UTF8)).events());
    }

    @Test
    void emptyIdResetsTheLastEventIdOfEverySecondEvent() {
        List<Event> events = manifest(Set.of(Quirk.EMPTY_ID)).events();
        for (int i = 0; i < 6; i++) {
            assertEquals(i % 2 == 1 ? "" : EventIds.encode(42, i), events.get(i).lastEventId());
            assertEquals(PLAIN.events().get(i).data(), events.get(i).data());
        }
    }

    @Test
    void aValidRetryIsTheReconnectionTimeTheClientEndsWith() {
        ExpectedEvents.Manifest manifest = ExpectedEvents.of(options(new WireShape(Set.of(Quirk.RETRY_BOGUS), null,
                null, 0), 3, 1500, 0, 0));
        assertEquals(1500L, manifest.reconnectionTime());
    }

    @Test
    void everyConnectionOfADroppingStreamResumesWhereTheOneBeforeLeftOff() {
        List<ExpectedEvents.Manifest> connections = ExpectedEvents.ofEveryConnection(options(WireShape.PLAIN, 5, -1, 0,
                2));
        assertEquals(4, connections.size());
        List<Event> all = ExpectedEvents.of(options(WireShape.PLAIN, 5, -1, 0, 0)).events();
        assertEquals(all.subList(0, 2), connections.get(0).events());
        assertEquals(all.subList(2, 4), connections.get(1).events());
        assertEquals(all.subList(4, 5), connections.get(2).events());
        assertEquals(List.of(EventIds.encode(42, 1), EventIds.encode(42, 3), EventIds.encode(42, 4)),
                connections.subList(0, 3).stream().map(ExpectedEvents.Manifest::lastEventId).toList());
        assertEquals(new ExpectedEvents.Manifest(List.of(), null, false, ""), connections.get(3));
    }

    @Test
    void theConnectionsEndWhereAReconnectWouldStartOver() {
        List<ExpectedEvents.Manifest> connections = ExpectedEvents.ofEveryConnection(options(new WireShape(
                Set.of(Quirk.EMPTY_ID), null, null, 0), 6, -1, 2, 0));
        assertEquals(1, connections.size());
        assertEquals("", connections.get(0).lastEventId());
        assertTrue(connections.get(0).reconnects());
    }

    @Test
    void failAndDropEndTheResponseAfterTheirEvents() {
        assertEquals(PLAIN.events().subList(0, 2), ExpectedEvents.of(options(WireShape.PLAIN, 6, -1, 2, 0)).events());
        ExpectedEvents.Manifest dropped = ExpectedEvents.of(options(new WireShape(Set.of(Quirk.TRAILING_PARTIAL), null,
                null, 0), 6, -1, 0, 3));
        assertEquals(PLAIN.events().subList(0, 3), dropped.events());
        assertTrue(dropped.reconnects());
    }

    @Test
    void aResumedStreamContinuesWithTheSameEvents() {
        StreamOptions plain = options(WireShape.PLAIN, 6, -1, 0, 0);
        StreamOptions resumed = StreamOptions.builder().eventName(plain.eventName()).data(plain.data())
                .interval(plain.interval()).count(6).heartbeat(plain.heartbeat()).seed(42).firstSequence(4).build();
        List<Event> events = ExpectedEvents.of(resumed).events();
        assertEquals(List.of(EventIds.encode(42, 4), EventIds.encode(42, 5)),
                events.stream().map(Event::lastEventId).toList());
        assertEquals(message(PLAIN.events().get(4)), message(events.get(0)));
    }

    @Test
    void idFaultsRepeatSkipOrSwapEveryNthEvent() {
        List<String> ids = PLAIN.events().stream().map(Event::lastEventId).toList();
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(1), ids.get(3), ids.get(4), ids.get(4)),
                faulty(IdFault.DUP).stream().map(Event::lastEventId).toList());
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4)),
                faulty(IdFault.SKIP).stream().map(Event::lastEventId).toList());
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(2), ids.get(4), ids.get(5)),
                faulty(IdFault.REORDER).stream().map(Event::lastEventId).toList());
        assertEquals(message(PLAIN.events().get(3)), message(faulty(IdFault.REORDER).get(2)));
        assertNotEquals(message(PLAIN.events().get(1)), message(faulty(IdFault.DUP).get(2)), "a dup keeps its own data");
    }

    @Test
    void anAnswerThatIsNoStreamLeavesNothingAndNoReconnect() {
        StreamOptions status = StreamOptions.builder().eventName("tick").interval(Duration.ZERO).count(3).seed(42)
                .status(204).build();
        ExpectedEvents.Manifest manifest = ExpectedEvents.of(status);
        assertTrue(manifest.events().isEmpty());
        assertFalse(manifest.reconnects());
    }

    static List<Event> faulty(IdFault fault) {
        return ExpectedEvents.of(options(new WireShape(Set.of(), null, fault, 3), 6, -1, 0, 0)).events();
    }

    static List<Event> mapData(UnaryOperator<String> change) {
        return PLAIN.events().stream().map(event -> new Event(event.type(), change.apply(event.data()),
                event.lastEventId())).toList();
    }

    static String message(Event event) {
        return event.data().substring(0, event.data().indexOf("\", \"elapsed\""));
    }

    static StreamOptions timed(String data, Set<Quirk> quirks, Duration interval, long count, Duration heartbeat) {
        return StreamOptions.builder().eventName("tick").data(data).interval(interval).count(count)
                .heartbeat(heartbeat).seed(42).shape(new WireShape(quirks, null, null, 0)).build();
    }

    @Test
    void heartbeatsAreNotSimulated() {
        List<String> frames = new ArrayList<>();
        assertTrue(ExpectedEvents.of(timed(null, Set.of(), Duration.ofHours(1), 3, Duration.ofMillis(1)),
                frame -> frames.add(frame.toString())));
        assertEquals(4, frames.size(), "three events and the end: " + frames);
        assertTrue(frames.stream().noneMatch(frame -> frame.contains("heartbeat")), frames.toString());
        ExpectedEvents.Manifest manifest = ExpectedEvents.of(timed(null, Set.of(), Duration.ofHours(1), 3,
                Duration.ofMillis(1)));
        assertEquals(ExpectedEvents.of(timed(null, Set.of(), Duration.ofHours(1), 3, Duration.ZERO)), manifest);
        assertEquals(3, manifest.events().size());
    }

    @Test
    void theLongestStreamOfRandomMessagesFitsAManifest() {
        ExpectedEvents.Manifest manifest = ExpectedEvents.of(timed(null, Set.of(Quirk.UTF8, Quirk.MULTILINE),
                Duration.ofHours(1), 10_000, Duration.ZERO));
        assertEquals(10_000, manifest.events().size());
    }

    @Test
    void aManifestWhoseDataPassTheLimitIsRefusedAfterAsMuchWorkAsTheLimit() {
        ExpectedEvents.TooLarge refused = assertThrows(ExpectedEvents.TooLarge.class,
                () -> ExpectedEvents.of(timed("x".repeat(1024), Set.of(), Duration.ZERO, 10_000, Duration.ZERO)));
        long eventChars = ExpectedEvents.of(timed("x".repeat(1024), Set.of(), Duration.ZERO, 1, Duration.ZERO))
                .events().get(0).data().length();
        long dataRead = refused.events() * eventChars;
        assertTrue(dataRead > ExpectedEvents.MAX_DATA_CHARS, "refused at " + dataRead);
        assertTrue(dataRead <= ExpectedEvents.MAX_DATA_CHARS + StreamFrames.BATCH_BYTES + eventChars,
                "refused within the frame that passed the limit: " + dataRead);
    }

    @Test
    void aPaddingCommentAfterABomChangesNothing() {
        StreamOptions padded = StreamOptions.builder().eventName("tick").interval(Duration.ZERO).count(2)
                .padding(65_536).seed(42).shape(new WireShape(Set.of(Quirk.BOM), null, null, 0)).build();
        assertEquals(ExpectedEvents.of(timed(null, Set.of(), Duration.ZERO, 2, Duration.ZERO)),
                ExpectedEvents.of(padded));
    }
}
