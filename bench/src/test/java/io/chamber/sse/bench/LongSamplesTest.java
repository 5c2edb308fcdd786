package io.chamber.sse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LongSamplesTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        LongSamples samples = new LongSamples(4);
        for (long v = 100; v >= 1; v--) {
            samples.add(v);
        }
        assertEquals(100, samples.size());
        assertEquals(50, samples.percentile(50));
        assertEquals(99, samples.percentile(99));
        assertEquals(100, samples.max());
        assertEquals(1, samples.percentile(0.5));
    }

    @Test
    void percentileOfFewSamplesRoundsTheRankUp() {
        LongSamples samples = new LongSamples();
        samples.add(30);
        samples.add(-10);
        samples.add(20);
        assertEquals(20, samples.percentile(50));
        assertEquals(30, samples.percentile(99));
        assertEquals(-10, samples.percentile(33));
    }

    @Test
    void addingAfterAPercentileKeepsTheAnswerRight() {
        LongSamples samples = new LongSamples();
        samples.add(5);
        samples.add(1);
        assertEquals(5, samples.max());
        samples.add(3);
        assertEquals(3, samples.percentile(50));
    }

    @Test
    void refusesEmptySamplesAndBadPercents() {
        LongSamples samples = new LongSamples();
        assertThrows(IllegalStateException.class, () -> samples.percentile(50));
        samples.add(1);
        assertThrows(IllegalArgumentException.class, () -> samples.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> samples.percentile(101));
    }
}
