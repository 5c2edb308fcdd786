package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.stream.StreamFrames.Step;

/** The stream's decisions on a simulated clock: what it writes, when it wakes, how it ends. */
class StreamFramesTest {

    static final long START = 1_000_000_000L;
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** seed 7, fixed message, 1 s pace, then the given limits. */
    static StreamOptions options(long count, Duration duration, Duration delay, long retry, Duration heartbeat,
            int padding, long failAfter, long dropAfter, Duration interval) {
        return StreamOptions.builder().eventName("tick").data("m").interval(interval).count(count).duration(duration)
                .delay(delay).retryMillis(retry).heartbeat(heartbeat).padding(padding).seed(7).failAfter(failAfter)
                .dropAfter(dropAfter).build();
    }

    static StreamOptions paced(long count) {
        return options(count, Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, 0, 0, 0, Duration.ofSeconds(1));
    }

    final Frame frame = new Frame(16);

    @Test
    void writesTheFirstEventAtOnceAndTheNextOnSchedule() {
        StreamFrames frames = new StreamFrames(paced(0), START);
        assertEquals(Step.WRITE, frames.next(START, frame));
        assertTrue(frame.toString().startsWith("id: " + EventIds.encode(7, 0) + "\nevent: tick\n"), frame.toString());
        assertEquals(START + SECOND, frames.wakeNanos());
        assertEquals(Step.WAIT, frames.next(START + SECOND - 1, frame));
        assertEquals(Step.WRITE, frames.next(START + SECOND + 5, frame));
        assertTrue(frame.toString().startsWith("id: " + EventIds.encode(7, 1)));
        assertEquals(START + 2 * SECOND, frames.wakeNanos(), "the schedule does not drift with a late wake-up");
    }

    @Test
    void eventsDueTogetherGoOutInOneFrame() {
        StreamFrames frames = new StreamFrames(paced(0), START);
        frames.next(START, frame);
        assertEquals(Step.WRITE, frames.next(START + 3 * SECOND, frame));
        assertEquals(3, frames.eventsInFrame());
        assertEquals(3, frame.toString().split("\n\n").length);
    }

    @Test
    void aFireHoseWritesBatchesOfAboutSixteenKilobytes() {
        StreamFrames frames = new StreamFrames(options(0, Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, 0, 0, 0,
                Duration.ZERO), START);
        assertEquals(Step.WRITE, frames.next(START, frame));
        assertTrue(frame.length() >= StreamFrames.BATCH_BYTES && frame.length() < StreamFrames.BATCH_BYTES + 200);
        assertTrue(frames.wakeNanos() <= START, "always due");
    }

    @Test
    void paddingAndRetryComeFirstOnce() {
        StreamFrames frames = new StreamFrames(options(0, Duration.ZERO, Duration.ZERO, 1500, Duration.ZERO, 3, 0, 0,
                Duration.ofSeconds(1)), START);
        frames.next(START, frame);
        assertTrue(frame.toString().startsWith(":   \n\nretry: 1500\n\nid: "), frame.toString());
        frames.next(START + SECOND, frame);
        assertTrue(frame.toString().startsWith("id: "), frame.toString());
    }

    @Test
    void endsRightAfterTheCountNotAfterAnotherPause() {
        StreamFrames frames = new StreamFrames(paced(2), START);
        frames.next(START, frame);
        assertEquals(Step.WRITE, frames.next(START + SECOND, frame));
        assertTrue(frames.wakeNanos() <= START + SECOND);
        assertEquals(Step.END, frames.next(START + SECOND, frame));
    }

    @Test
    void durationEndsTheStreamAtItsDeadline() {
        StreamFrames frames = new StreamFrames(options(0, Duration.ofMillis(2500), Duration.ZERO, -1, Duration.ZERO,
                0, 0, 0, Duration.ofSeconds(1)), START);
        frames.next(START, frame);
        frames.next(START + SECOND, frame);
        frames.next(START + 2 * SECOND, frame);
        assertEquals(START + 2500 * 1_000_000L, frames.wakeNanos());
        assertEquals(Step.END, frames.next(START + 2500 * 1_000_000L, frame));
    }

    @Test
    void delayHoldsBackTheFirstFrame() {
        StreamFrames frames = new StreamFrames(options(0, Duration.ZERO, Duration.ofSeconds(2), -1, Duration.ZERO,
                0, 0, 0, Duration.ofSeconds(1)), START);
        assertEquals(Step.WAIT, frames.next(START, frame));
        assertEquals(START + 2 * SECOND, frames.wakeNanos());
        assertEquals(Step.WRITE, frames.next(START + 2 * SECOND, frame));
    }

    @Test
    void heartbeatsFillTheSilenceAfterTheFirstEvent() {
        StreamFrames frames = new StreamFrames(options(0, Duration.ZERO, Duration.ZERO, -1, Duration.ofMillis(300), 0,
                0, 0, Duration.ofSeconds(1)), START);
        frames.next(START, frame);
        assertEquals(START + 300_000_000L, frames.wakeNanos());
        assertEquals(Step.WRITE, frames.next(START + 300_000_000L, frame));
        assertEquals(": heartbeat\n\n", frame.toString());
        assertEquals(0, frames.eventsInFrame());
        assertEquals(START + 600_000_000L, frames.wakeNanos());
        frames.next(START + 900_000_000L, frame);
        assertEquals(START + SECOND, frames.wakeNanos(), "the event comes before the next heartbeat");
    }

    @Test
    void failAfterEndsRightAfterItsEventAndDropAfterAMomentLater() {
        StreamFrames failing = new StreamFrames(options(0, Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, 0, 2, 0,
                Duration.ZERO), START);
        assertEquals(Step.WRITE, failing.next(START, frame));
        assertEquals(2, failing.eventsInFrame());
        assertTrue(failing.wakeNanos() <= START);
        assertEquals(Step.END, failing.next(START, frame));

        StreamFrames dropping = new StreamFrames(options(0, Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, 0, 0, 1,
                Duration.ofSeconds(1)), START);
        assertEquals(Step.WRITE, dropping.next(START, frame));
        assertEquals(START + StreamFrames.DROP_GRACE_NANOS, dropping.wakeNanos(), "the event leaves before the drop");
        assertEquals(Step.WAIT, dropping.next(START + 1, frame));
        assertEquals(Step.DROP, dropping.next(START + StreamFrames.DROP_GRACE_NANOS, frame));
    }
}
