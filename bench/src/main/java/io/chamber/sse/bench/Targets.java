package io.chamber.sse.bench;

import static io.chamber.sse.bench.ResultSet.OURS;
import static io.chamber.sse.bench.ResultSet.PEER;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a run against the performance targets: those of the documented start (issue 17) and the fire-hose and
 * start limits of the lean streaming path (issue 9). Ratios are to the peer in the same run.
 */
public final class Targets {

    static final double LATENESS_P99_LIMIT_MS = 50;
    static final double JVM_START_LIMIT_MS = 1500;
    static final double AOT_START_LIMIT_MS = 500;
    static final String AOT_VARIANT = "jdk25-aot";
    static final double CPU_RATIO_LIMIT = 0.9;
    static final double MEMORY_RATIO_LIMIT = 0.6;
    static final double FIRST_EVENT_RATIO_LIMIT = 0.8;

    private Targets() {
    }

    public static List<TargetCheck> evaluate(ResultSet results) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(peerRatio(results, Scenarios.FIXED_1S, "CPU per event ≤ 0.9× peer, fresh JVM (scenario 2)",
                LoadResult::cpuPerEventMicros, "µs", CPU_RATIO_LIMIT, true));
        checks.add(peerRatio(results, Scenarios.FIXED_1S_WARM, "CPU per event ≤ 0.9× peer, warm JVM (scenario 3)",
                LoadResult::cpuPerEventMicros, "µs", CPU_RATIO_LIMIT, true));
        checks.add(peerRatio(results, Scenarios.RANDOM_PACE, "CPU per event ≤ 0.9× peer, random pace (scenario 1)",
                LoadResult::cpuPerEventMicros, "µs", CPU_RATIO_LIMIT, true));
        checks.add(peerRatio(results, Scenarios.FIXED_1S, "Memory per open stream ≤ 0.6× peer, fresh server (scenario 2)",
                LoadResult::rssGrowthPerStreamBytes, "B", MEMORY_RATIO_LIMIT, true));
        checks.add(peerRatio(results, Scenarios.RANDOM_PACE, "Memory per open stream ≤ 0.6× peer, fresh server (scenario 1)",
                LoadResult::rssGrowthPerStreamBytes, "B", MEMORY_RATIO_LIMIT, true));
        checks.add(peerRatio(results, Scenarios.FIXED_1S,
                "Time to first event p99 while 9,000 clients connect ≤ 0.8× peer, fresh JVM (scenario 2)",
                LoadResult::timeToFirstEventP99Ms, "ms", FIRST_EVENT_RATIO_LIMIT, true));
        checks.add(lateness(results, Scenarios.FIXED_1S, "Lateness p99 ≤ 50 ms, fresh JVM (scenario 2)"));
        checks.add(lateness(results, Scenarios.FIXED_1S_WARM, "Lateness p99 ≤ 50 ms, warm JVM (scenario 3)"));
        checks.add(peerRatio(results, Scenarios.FIREHOSE_1, "Fire-hose events/s on one stream ≥ 5× peer (scenario 4)",
                LoadResult::eventsPerSecond, "events/s", 5, false));
        checks.add(jvmStart(results));
        checks.add(aotStart(results));
        checks.add(quietLogs(results));
        return checks;
    }

    private static TargetCheck peerRatio(ResultSet results, String scenario, String target,
            Function<LoadResult, Double> metric, String unit, double limit, boolean atMost) {
        Optional<LoadResult> ours = results.get(scenario, OURS);
        Optional<LoadResult> peer = results.get(scenario, PEER);
        Double oursValue = ours.map(metric).orElse(null);
        Double peerValue = peer.map(metric).orElse(null);
        if (oursValue == null || peerValue == null || peerValue <= 0) {
            return new TargetCheck(target, "ours " + number(oursValue, unit) + ", peer " + number(peerValue, unit), null, null);
        }
        double ratio = oursValue / peerValue;
        String measured = "ours " + number(oursValue, unit) + ", peer " + number(peerValue, unit) + streamsNote(ours.get());
        return new TargetCheck(target, measured, ratio, atMost ? ratio <= limit : ratio >= limit);
    }

    private static TargetCheck lateness(ResultSet results, String scenario, String target) {
        Optional<LoadResult> ours = results.get(scenario, OURS);
        Double oursP99 = ours.map(LoadResult::latenessP99Ms).orElse(null);
        Double peerP99 = results.get(scenario, PEER).map(LoadResult::latenessP99Ms).orElse(null);
        String measured = "ours p99 " + number(oursP99, "ms") + ", peer p99 " + number(peerP99, "ms")
                + ours.map(Targets::streamsNote).orElse("");
        if (oursP99 == null) {
            return new TargetCheck(target, measured, null, null);
        }
        Double ratio = peerP99 != null && peerP99 > 0 ? oursP99 / peerP99 : null;
        return new TargetCheck(target, measured, ratio, oursP99 <= LATENESS_P99_LIMIT_MS);
    }

    private static TargetCheck jvmStart(ResultSet results) {
        return startMedian("JVM-mode start to first event < 1.5 s (median of the run's starts)",
                results.startToFirstEventMs(), JVM_START_LIMIT_MS);
    }

    private static TargetCheck aotStart(ResultSet results) {
        String target = "JVM start to first event ≤ 0.5 s with JDK 25's AOT cache (variant " + AOT_VARIANT
                + ", median of its starts)";
        List<Long> samples = results.variants().stream().filter(variant -> variant.name().equals(AOT_VARIANT))
                .findFirst().map(variant -> variant.results().startToFirstEventMs()).orElse(List.of());
        return startMedian(target, samples, AOT_START_LIMIT_MS);
    }

    private static TargetCheck startMedian(String target, List<Long> starts, double limitMs) {
        if (starts.isEmpty()) {
            return new TargetCheck(target, "not measured", null, null);
        }
        List<Long> samples = new ArrayList<>(starts);
        samples.sort(null);
        long median = samples.get((samples.size() - 1) / 2);
        String measured = "median " + median + " ms, worst " + samples.get(samples.size() - 1) + " ms over "
                + samples.size() + " starts";
        return new TargetCheck(target, measured, null, median <= limitMs);
    }

    private static TargetCheck quietLogs(ResultSet results) {
        String target = "No WARN or ERROR in our servers' logs after all their clients left";
        Optional<Integer> warnings = results.logWarnings();
        String measured = warnings.map(count -> count + " lines over " + results.serverStarts().orElse(0)
                + " server starts").orElse("not counted");
        return new TargetCheck(target, measured, null, warnings.map(count -> count == 0).orElse(null));
    }

    private static String streamsNote(LoadResult result) {
        if (result.streamsRequested() == 1) {
            return "";
        }
        return " (" + result.streamsOpenAtEnd() + " of " + result.streamsRequested() + " streams open)";
    }

    static String number(Double value, String unit) {
        if (value == null) {
            return "n/a";
        }
        String digits = Math.abs(value) >= 100 ? "%,.0f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + " " + unit;
    }
}
