package io.chamber.sse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one {@link LoadResult} as a two-column text table. */
final class ResultTable {

    private ResultTable() {
    }

    static String render(LoadResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("scenario / server", r.scenario() + " / " + r.server()));
        rows.add(row("url", r.url()));
        rows.add(row("streams requested", r.streamsRequested()));
        rows.add(row("streams opened", r.streamsOpened()));
        rows.add(row("streams failed", r.streamsFailed() + " (connect " + r.connectFailures() + ", non-200 "
                + r.non200Responses() + ", premature close " + r.prematureCloses() + ", no answer by the end " + r.streamsUnanswered() + ")"));
        rows.add(row("measured window", format(r.windowSeconds()) + " s after a " + format(r.rampSeconds()) + " s ramp"));
        rows.add(row("time to first event p50 / p99", ms(r.timeToFirstEventP50Ms()) + " / " + ms(r.timeToFirstEventP99Ms())));
        rows.add(row("events in window", r.events()));
        rows.add(row("events/s", format(r.eventsPerSecond())));
        if (r.intervalMs() != null) {
            rows.add(row("lateness p50 / p99 / max", ms(r.latenessP50Ms()) + " / " + ms(r.latenessP99Ms()) + " / "
                    + ms(r.latenessMaxMs()) + " (" + r.latenessSamples() + " events, interval " + r.intervalMs() + " ms)"));
        }
        if (r.serverRssEndBytes() != null) {
            rows.add(row("server RSS before / end", mib(r.serverRssBeforeBytes()) + " / " + mib(r.serverRssEndBytes())));
            rows.add(row("RSS growth per open stream", r.rssGrowthPerStreamBytes() == null ? "n/a"
                    : format(r.rssGrowthPerStreamBytes()) + " B"));
            rows.add(row("server CPU in window (user + system)", format(r.serverCpuSeconds()) + " s ("
                    + format(r.serverUserCpuSeconds()) + " + " + format(r.serverSystemCpuSeconds()) + ")"));
            rows.add(row("CPU per event (user + system)", r.cpuPerEventMicros() == null ? "n/a"
                    : format(r.cpuPerEventMicros()) + " µs (" + format(r.userCpuPerEventMicros()) + " + "
                            + format(r.systemCpuPerEventMicros()) + ")"));
        }
        rows.add(row("client CPU (whole run)", format(r.clientCpuSeconds()) + " s"));
        if (r.otherProcessesCpuSeconds() != null) {
            rows.add(row("other processes' CPU in window", format(r.otherProcessesCpuSeconds()) + " s"));
        }
        rows.add(row("load average at start", format(r.loadAverageAtStart())));
        int width = rows.stream().mapToInt(cells -> cells[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] cells : rows) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", cells[0], cells[1]));
        }
        return out.toString();
    }

    private static String[] row(String name, Object value) {
        return new String[] { name, String.valueOf(value) };
    }

    static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms", value);
    }

    private static String mib(Long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
