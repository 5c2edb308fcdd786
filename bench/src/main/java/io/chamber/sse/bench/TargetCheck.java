package io.chamber.sse.bench;

/**
 * One of the performance targets and how the run fared.
 *
 * @param measured what was measured, in words and units
 * @param ratio ours ÷ peer where the target compares with the peer, else null
 * @param met null when the run lacks the numbers to judge
 */
public record TargetCheck(String target, String measured, Double ratio, Boolean met) {

    public String verdict() {
        if (met == null) {
            return "no data";
        }
        return met ? "met" : "missed";
    }
}
