package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resumed stream goes on as if it had never been interrupted: written on a simulated clock, the events after
 * event k of a stream resumed at k are, byte for byte and {@code elapsed} included, those of the uninterrupted stream,
 * whatever the request's clock, and every pause lies within the interval.
 */
class ResumeTimelineTest {

    static final int COUNT = 12;

    static StreamOptions options(String interval, Duration delay, long firstSequence, boolean fixedMessage, long count) {
        String[] bounds = interval.split("\\.\\.");
        Interval pace = new Interval(Duration.parse(bounds[0]), Duration.parse(bounds[bounds.length - 1]));
        return StreamOptions.builder().eventName("tick").data(fixedMessage ? "m" : null).interval(pace).count(count)
                .delay(delay).seed(42).firstSequence(firstSequence).build();
    }

    /** The events of one response, each with its blank line, written at each wake-up from {@code startNanos}. */
    static List<String> events(StreamOptions options, long startNanos) {
        StreamFrames frames = new StreamFrames(options, startNanos);
        Frame frame = new Frame(1024);
        StringBuilder body = new StringBuilder();
        long now = startNanos;
        while (true) {
            StreamFrames.Step step = frames.next(now, frame);
            if (step == StreamFrames.Step.END || step == StreamFrames.Step.DROP) {
                break;
            }
            if (step == StreamFrames.Step.WRITE) {
                body.append(frame);
            }
            now = Math.max(now, frames.wakeNanos());
        }
        return new ArrayList<>(Arrays.asList(body.toString().split("(?<=\n\n)")));
    }

    @ParameterizedTest
    @CsvSource({ "PT0.1S..PT0.9S, PT0S", "PT1S..PT5S, PT2S", "PT0.000000001S..PT0.000000008S, PT0S", "PT0.25S, PT0S",
            "PT0S, PT1S", "PT0S..PT3.000000001S, PT0.5S" })
    void eventsAfterAResumeAreThoseOfTheUninterruptedStream(String interval, Duration delay) {
        List<String> uninterrupted = events(options(interval, delay, 0, false, COUNT), 5_000_000_000L);
        assertEquals(COUNT, uninterrupted.size());
        for (int k = 0; k < COUNT - 1; k++) {
            List<String> resumed = events(options(interval, delay, k + 1, false, COUNT), 987_654_321L * (k + 1));
            assertEquals(uninterrupted.subList(k + 1, COUNT), resumed, "resumed after event " + k);
        }
    }

    @ParameterizedTest
    @CsvSource({ "PT0.1S..PT0.9S", "PT1S..PT5S", "PT0.000000001S..PT0.000000008S", "PT0S..PT0.000000003S" })
    void everyPauseLiesWithinTheInterval(String interval) {
        StreamOptions options = options(interval, Duration.ZERO, 0, true, COUNT);
        Timeline timeline = new Timeline(options.seed(), options.interval());
        long min = options.interval().min().toNanos();
        long max = options.interval().max().toNanos();
        long sum = 0;
        for (long sequence = 0; sequence < 10_000; sequence++) {
            long pause = timeline.pauseNanos(sequence, timeline.jitterNanos(sequence), timeline.jitterNanos(sequence + 1));
            assertTrue(pause >= min && pause <= max, pause + " after event " + sequence);
            sum += pause;
            assertEquals(sum, timeline.atNanos(sequence + 1), "event " + (sequence + 1) + " is due after the pauses before it");
        }
    }

    @ParameterizedTest
    @CsvSource({ "PT0.001S..PT1H", "PT1H", "PT0S..PT1H" })
    void anAbsurdSequenceNumberStaysOnTheTimeline(String interval) {
        StreamOptions options = options(interval, Duration.ZERO, EventIds.MAX_SEQUENCE, true, 0);
        String event = events(options, 0).get(0);
        assertTrue(event.matches("(?s)id: [0-9a-f]{32}\nevent: tick\ndata: \\{\"message\": \"m\", \"elapsed\": \\d+\\.\\d{6}}\n\n"),
                event);
    }
}
