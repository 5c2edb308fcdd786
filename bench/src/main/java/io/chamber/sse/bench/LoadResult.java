package io.chamber.sse.bench;

import java.util.List;

/**
 * One load run against one server, as written to JSON. CPU is the server's user plus system (kernel) time, and
 * each apart. Times are milliseconds unless the name says otherwise;
 * server fields are null when no server PID was given, lateness fields when the pace was not fixed.
 * {@code otherProcessesCpuSeconds} is the CPU the machine's other user-space processes used during the window:
 * anything well above zero means the numbers were disturbed.
 */
public record LoadResult(
        String scenario,
        String server,
        String url,
        String startedAt,
        double loadAverageAtStart,
        int streamsRequested,
        int streamsOpened,
        int connectFailures,
        int non200Responses,
        int prematureCloses,
        int streamsUnanswered,
        int streamsOpenAtEnd,
        double rampSeconds,
        double windowSeconds,
        Long intervalMs,
        Double timeToFirstEventP50Ms,
        Double timeToFirstEventP99Ms,
        long events,
        double eventsPerSecond,
        Integer latenessSamples,
        Double latenessP50Ms,
        Double latenessP99Ms,
        Double latenessMaxMs,
        List<Long> serverPids,
        Long serverRssBeforeBytes,
        Long serverRssEndBytes,
        Double rssGrowthPerStreamBytes,
        Double serverCpuSeconds,
        Double serverUserCpuSeconds,
        Double serverSystemCpuSeconds,
        Double cpuPerEventMicros,
        Double userCpuPerEventMicros,
        Double systemCpuPerEventMicros,
        double clientCpuSeconds,
        Double otherProcessesCpuSeconds) {

    public int streamsFailed() {
        return connectFailures + non200Responses + prematureCloses + streamsUnanswered;
    }
}
