package io.chamber.sse.bench;

import java.util.List;

/** The standard scenarios {@code bench/run} drives, by the names it writes into the results. */
public final class Scenarios {

    public record Scenario(String name, String title) {
    }

    public static final String RANDOM_PACE = "random-pace";
    public static final String FIXED_1S = "fixed-1s";
    public static final String FIXED_1S_WARM = "fixed-1s-warm";
    public static final String FIREHOSE_1 = "firehose-1";
    public static final String FIREHOSE_50 = "firehose-50";

    public static final List<Scenario> ALL = List.of(
            new Scenario(RANDOM_PACE, "1. Many concurrent streams at the default random pace (1–5 s)"),
            new Scenario(FIXED_1S, "2. Many streams at a fixed 1 s interval, all connecting at once, on a fresh server"),
            new Scenario(FIXED_1S_WARM, "3. The same again on the same server (warm: its hot code compiled)"),
            new Scenario(FIREHOSE_1, "4. One fire-hose stream (interval=0)"),
            new Scenario(FIREHOSE_50, "5. 50 fire-hose streams (interval=0)"));

    private Scenarios() {
    }
}
