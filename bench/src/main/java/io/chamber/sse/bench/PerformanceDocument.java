package io.chamber.sse.bench;

import static io.chamber.sse.bench.ResultSet.CONTAINER;
import static io.chamber.sse.bench.ResultSet.OURS;
import static io.chamber.sse.bench.ResultSet.PEER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Writes {@code docs/performance.md}: machine, targets, a side-by-side table per scenario, how to reproduce. */
public final class PerformanceDocument {

    /** Other processes using more than this share of one core during a window disturbed the numbers. */
    private static final double DISTURBING_CORE_SHARE = 0.05;

    private record Row(String metric, Function<LoadResult, Double> value, String unit, boolean ratio) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("Streams requested", r -> (double) r.streamsRequested(), "", false),
            new Row("Streams opened", r -> (double) r.streamsOpened(), "", false),
            new Row("Streams failed (connect, non-200, premature close, no answer)", r -> (double) r.streamsFailed(), "", false),
            new Row("Time to first event p50", LoadResult::timeToFirstEventP50Ms, "ms", true),
            new Row("Time to first event p99", LoadResult::timeToFirstEventP99Ms, "ms", true),
            new Row("Events in the measured window", r -> (double) r.events(), "", true),
            new Row("Events/s", LoadResult::eventsPerSecond, "", true),
            new Row("Lateness p50", LoadResult::latenessP50Ms, "ms", true),
            new Row("Lateness p99", LoadResult::latenessP99Ms, "ms", true),
            new Row("Lateness max", LoadResult::latenessMaxMs, "ms", true),
            new Row("Server RSS before the streams", r -> mib(r.serverRssBeforeBytes()), "MiB", true),
            new Row("Server RSS at the end", r -> mib(r.serverRssEndBytes()), "MiB", true),
            new Row("RSS growth per open stream", LoadResult::rssGrowthPerStreamBytes, "B", true),
            new Row("Server CPU in the window", LoadResult::serverCpuSeconds, "s", true),
            new Row("Server CPU per event, all", LoadResult::cpuPerEventMicros, "µs", true),
            new Row("Server CPU per event, user", LoadResult::userCpuPerEventMicros, "µs", true),
            new Row("Server CPU per event, system (kernel)", LoadResult::systemCpuPerEventMicros, "µs", true),
            new Row("Load client CPU (whole run)", LoadResult::clientCpuSeconds, "s", false),
            new Row("Other processes' CPU in the window", LoadResult::otherProcessesCpuSeconds, "s", false),
            new Row("Load average at start", LoadResult::loadAverageAtStart, "", false));

    /** Scenario 2's numbers that compare the container with the jar. */
    private static final List<Row> CONTAINER_ROWS = List.of(
            new Row("Streams open at the end", r -> (double) r.streamsOpenAtEnd(), "", true),
            new Row("Time to first event p99", LoadResult::timeToFirstEventP99Ms, "ms", true),
            new Row("Server RSS before the streams", r -> mib(r.serverRssBeforeBytes()), "MiB", true),
            new Row("Server RSS at the end", r -> mib(r.serverRssEndBytes()), "MiB", true),
            new Row("RSS growth per open stream", LoadResult::rssGrowthPerStreamBytes, "B", true),
            new Row("Server CPU per event, all", LoadResult::cpuPerEventMicros, "µs", true));

    private PerformanceDocument() {
    }

    public static String render(ResultSet results, List<TargetCheck> checks, MachineDescription machine,
            String mode, String chartLink, String jvmOptions, String argfileOptions, String notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Chamber SSE's demo app (JVM mode) and the nginx+Lua reference peer (the original service's engine), "
                + "driven side by side in one run of `bench/run` on ").append(LocalDate.now(ZoneOffset.UTC)).append(".\n\n");
        if (mode.equals("quick")) {
            md.append("> **Quick run (`bench/run --quick`)**: 300 streams and 5 s windows, not the issue's sizes. "
                    + "Use it to try the harness, not to judge the targets.\n\n");
        }
        md.append("![Ours versus the peer](").append(chartLink).append(")\n\n");
        machine(md, machine, results, jvmOptions, argfileOptions);
        targets(md, checks, !notes.isBlank());
        md.append(notes.strip()).append(notes.isBlank() ? "" : "\n\n");
        md.append("## Scenarios\n\n");
        for (Scenarios.Scenario scenario : Scenarios.ALL) {
            scenario(md, results, scenario);
        }
        variants(md, results, jvmOptions);
        container(md, results);
        method(md);
        reproduce(md);
        return md.toString();
    }

    private static void machine(StringBuilder md, MachineDescription machine, ResultSet results, String jvmOptions,
            String argfileOptions) {
        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append("| CPU | ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores |\n");
        md.append("| RAM | ").append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryGib())).append(" |\n");
        md.append("| Kernel | ").append(machine.kernel()).append(" |\n");
        md.append("| OS | ").append(machine.operatingSystem()).append(" |\n");
        md.append("| JDK | ").append(machine.jdk()).append(" |\n");
        md.append("| nginx | ").append(machine.nginx()).append(" |\n\n");
        md.append("Each server runs pinned to CPU 0 (`taskset -c 0`) and is started afresh for every scenario "
                + "(scenario 3 runs again on the server of scenario 2): "
                + "the demo app from `demo/target/quarkus-app` as `java "
                + (jvmOptions.isBlank() ? "" : jvmOptions + " ") + "-jar quarkus-run.jar`"
                + (argfileOptions.isBlank() ? "" : " (the documented start; the build's `jvm.options` holds `"
                        + argfileOptions + "`)")
                + ", Netty's epoll transport by the demo's configuration, "
                + "and `-Dquarkus.chamber.sse.max-streams=20000`; the peer with one nginx worker. "
                + "The load client (`bench/target/chamber-sse-bench.jar`, one Vert.x event loop) runs pinned to CPU 1. "
                + "All traffic is on 127.0.0.1.\n\n");
        StringBuilder disturbed = new StringBuilder();
        disturbed(disturbed, "", results);
        results.variants().forEach(variant -> disturbed(disturbed, "variant " + variant.name() + ": ", variant.results()));
        if (!disturbed.isEmpty()) {
            md.append("> **The machine was not idle.** Other processes (such as another engineer's build) used CPU "
                    + "during these measured windows, so their numbers are disturbed and should be rerun on a quiet machine:")
                    .append(disturbed, 0, disturbed.length() - 1).append(".\n\n");
        } else if (results.all().stream().anyMatch(r -> r.otherProcessesCpuSeconds() == null)) {
            md.append("> Whether other processes used the CPUs during the windows was not recorded for every run.\n\n");
        }
    }

    private static void disturbed(StringBuilder out, String label, ResultSet results) {
        results.all().stream()
                .filter(r -> r.otherProcessesCpuSeconds() != null
                        && r.otherProcessesCpuSeconds() / r.windowSeconds() > DISTURBING_CORE_SHARE)
                .sorted(Comparator.comparing(LoadResult::scenario).thenComparing(LoadResult::server))
                .forEach(r -> out.append(String.format(Locale.ROOT, " %s%s/%s %.0f%% of a core;", label, r.scenario(),
                        r.server(), 100 * r.otherProcessesCpuSeconds() / r.windowSeconds())));
    }

    /** Our server's variants, each on the fixed-pace scenario, fresh and warm, next to the main run's numbers. */
    private static void variants(StringBuilder md, ResultSet results, String jvmOptions) {
        if (results.variants().isEmpty()) {
            return;
        }
        md.append("### 6. Variants of our server (scenarios 2 and 3)\n\n");
        md.append("Each variant is a fresh server that runs scenario 2 and then scenario 3, like the main run.\n\n");
        md.append("| Variant | JVM options | JVM start to first event | CPU/event fresh (user + system) "
                + "| CPU/event warm (user + system) | RSS/stream | First event p99 | Lateness p99 fresh / warm |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        variantRow(md, "main run (scenarios 2 and 3 above)", jvmOptions.isBlank() ? "(none)" : "`" + jvmOptions + "`",
                results);
        for (ResultSet.Variant variant : results.variants()) {
            variantRow(md, "**" + variant.name() + "**: " + variant.about(),
                    variant.jvmOptions().isBlank() ? "(none)" : "`" + variant.jvmOptions() + "`", variant.results());
        }
        md.append('\n');
    }

    private static void variantRow(StringBuilder md, String name, String options, ResultSet results) {
        Optional<LoadResult> fresh = results.get(Scenarios.FIXED_1S, OURS);
        Optional<LoadResult> warm = results.get(Scenarios.FIXED_1S_WARM, OURS);
        md.append("| ").append(name).append(" | ").append(options).append(" | ")
                .append(cell(medianStart(results), "ms")).append(" | ")
                .append(cpuSplit(fresh)).append(" | ").append(cpuSplit(warm)).append(" | ")
                .append(cell(fresh.map(LoadResult::rssGrowthPerStreamBytes).orElse(null), "B")).append(" | ")
                .append(cell(fresh.map(LoadResult::timeToFirstEventP99Ms).orElse(null), "ms")).append(" | ")
                .append(cell(fresh.map(LoadResult::latenessP99Ms).orElse(null), "ms")).append(" / ")
                .append(cell(warm.map(LoadResult::latenessP99Ms).orElse(null), "ms")).append(" |\n");
    }

    /** The median of the server's starts (the main run's, one per scenario; a variant's one). */
    private static Double medianStart(ResultSet results) {
        return median(results.startToFirstEventMs());
    }

    private static Double median(List<Long> starts) {
        List<Long> samples = starts.stream().sorted().toList();
        return samples.isEmpty() ? null : samples.get((samples.size() - 1) / 2).doubleValue();
    }

    private static Double worst(List<Long> starts) {
        return starts.stream().max(Long::compare).map(Long::doubleValue).orElse(null);
    }

    /**
     * Our server from its container image next to the jar: the starts, and scenario 2 (fresh) run against the
     * container in the same run; then the image's size and layers. Nothing when the container did not run.
     */
    private static void container(StringBuilder md, ResultSet results) {
        List<Long> containerStarts = results.containerStartToFirstEventMs();
        Optional<LoadResult> container = results.get(Scenarios.FIXED_1S, CONTAINER);
        if (containerStarts.isEmpty() && container.isEmpty()) {
            return;
        }
        Optional<LoadResult> jar = results.get(Scenarios.FIXED_1S, OURS);
        List<Long> jarStarts = results.startToFirstEventMs();
        md.append("### Our server from its container image, next to the jar\n\n");
        md.append("In the same run, the container image started as `")
                .append(results.containerCommand().orElse("podman run")).append("`: its entrypoint starts the jar the "
                        + "documented way (`java @jvm.options -jar quarkus-run.jar`, with a class archive trained in the "
                        + "image); no memory limit, so its heap may grow to `-XX:MaxRAMPercentage=50` of the machine's "
                        + "RAM. Its start is timed from `podman run` to the first event read by curl, as the jar's from "
                        + "`java`; it then runs scenario 2 (fresh). Its memory is the JVM's `VmRSS`, read from `/proc` "
                        + "through its PID on this machine (`podman inspect --format '{{.State.Pid}}'`), like the jar's; "
                        + "the container's cgroup (page cache, podman's `conmon`) does not count.\n\n");
        md.append("| Metric | jar | container | container ÷ jar |\n|---|---:|---:|---:|\n");
        containerRow(md, "Start to first event, median (jar " + jarStarts.size() + " starts, container "
                + containerStarts.size() + ")", median(jarStarts), median(containerStarts), "ms");
        containerRow(md, "Start to first event, worst", worst(jarStarts), worst(containerStarts), "ms");
        for (Row row : CONTAINER_ROWS) {
            containerRow(md, row.metric() + " (scenario 2)", jar.map(row.value()).orElse(null),
                    container.map(row.value()).orElse(null), row.unit());
        }
        md.append('\n');
        container.ifPresent(r -> failures(md, r));
        results.containerImage().ifPresent(image -> {
            md.append("The image `").append(image.name()).append("` is ").append(decimalBytes(image.sizeBytes()))
                    .append(" (podman's `Size`; kB and MB are 10³ and 10⁶ bytes, as podman counts). Its layers that "
                            + "hold files (`podman history`, newest first, down to the base image's):\n\n");
            md.append("| Layer | Size |\n|---|---:|\n");
            for (ContainerImage.Layer layer : image.layers()) {
                md.append("| `").append(layer.createdBy().replace("`", "'").replace("|", "\\|")).append("` | ")
                        .append(decimalBytes(layer.sizeBytes())).append(" |\n");
            }
            md.append('\n');
        });
    }

    private static void containerRow(StringBuilder md, String metric, Double jar, Double container, String unit) {
        String ratio = jar != null && container != null && jar != 0
                ? String.format(Locale.ROOT, "%.2f", container / jar)
                : "";
        md.append("| ").append(metric).append(" | ").append(cell(jar, unit)).append(" | ")
                .append(cell(container, unit)).append(" | ").append(ratio).append(" |\n");
    }

    private static String cpuSplit(Optional<LoadResult> result) {
        return result.filter(r -> r.cpuPerEventMicros() != null)
                .map(r -> cell(r.cpuPerEventMicros(), "µs") + " (" + cell(r.userCpuPerEventMicros(), "") + " + "
                        + cell(r.systemCpuPerEventMicros(), "") + ")")
                .orElse("n/a");
    }

    private static void targets(StringBuilder md, List<TargetCheck> checks, boolean explained) {
        md.append("## Targets\n\n| Target | Measured | Ours ÷ peer | Verdict |\n|---|---|---|---|\n");
        for (TargetCheck check : checks) {
            md.append("| ").append(check.target()).append(" | ").append(check.measured()).append(" | ")
                    .append(check.ratio() == null ? "–" : String.format(Locale.ROOT, "%.2f×", check.ratio()))
                    .append(" | **").append(check.verdict()).append("** |\n");
        }
        md.append('\n');
        for (TargetCheck check : checks) {
            if (!Boolean.TRUE.equals(check.met())) {
                md.append("- **").append(check.verdict().equals("missed") ? "Missed" : "Not judged").append(": ")
                        .append(check.target()).append(".**").append(explained ? " Why: see below.\n" : " Why: TODO\n");
            }
        }
        md.append('\n');
    }

    private static void scenario(StringBuilder md, ResultSet results, Scenarios.Scenario scenario) {
        md.append("### ").append(scenario.title()).append("\n\n");
        Optional<LoadResult> ours = results.get(scenario.name(), OURS);
        Optional<LoadResult> peer = results.get(scenario.name(), PEER);
        if (ours.isEmpty() && peer.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        LoadResult any = ours.orElseGet(peer::get);
        md.append(String.format(Locale.ROOT, "%d stream%s, ramped in over %.0f s, measured for %.1f s.",
                any.streamsRequested(), any.streamsRequested() == 1 ? "" : "s", any.rampSeconds(), any.windowSeconds()));
        ours.ifPresent(r -> md.append(" Ours: `").append(pathAndQuery(r.url())).append("`."));
        peer.ifPresent(r -> md.append(" Peer: `").append(pathAndQuery(r.url())).append("`."));
        md.append("\n\n| Metric | ").append(OURS).append(" | ").append(PEER).append(" | ").append(OURS).append(" ÷ ")
                .append(PEER).append(" |\n|---|---:|---:|---:|\n");
        for (Row row : ROWS) {
            Double oursValue = ours.map(row.value()).orElse(null);
            Double peerValue = peer.map(row.value()).orElse(null);
            if (oursValue == null && peerValue == null) {
                continue;
            }
            String ratio = row.ratio() && oursValue != null && peerValue != null && peerValue != 0
                    ? String.format(Locale.ROOT, "%.2f", oursValue / peerValue)
                    : "";
            md.append("| ").append(row.metric()).append(" | ").append(cell(oursValue, row.unit())).append(" | ")
                    .append(cell(peerValue, row.unit())).append(" | ").append(ratio).append(" |\n");
        }
        md.append('\n');
        ours.ifPresent(r -> failures(md, r));
        peer.ifPresent(r -> failures(md, r));
    }

    private static void failures(StringBuilder md, LoadResult r) {
        if (r.streamsFailed() > 0) {
            md.append(String.format(Locale.ROOT, "**%s: %d of %d streams failed** (connect errors %d, non-200 %d, "
                    + "closed early %d, no answer by the end of the window %d).%n%n", r.server(), r.streamsFailed(),
                    r.streamsRequested(), r.connectFailures(), r.non200Responses(), r.prematureCloses(), r.streamsUnanswered()));
        }
    }

    private static void method(StringBuilder md) {
        md.append("""
                ## How the numbers are measured

                - **Time to first event**: from the client asking for the connection to the first complete event.
                  Before the measured streams, one throw-away stream warms up both sides.
                - **Events/s**: complete events received in the measured window (after the ramp) ÷ the window.
                - **Lateness** (fixed interval only): per stream, event *k* is due at the first event's arrival
                  + *k* × interval; lateness = arrival − due, unclamped (early events count negative).
                - **RSS growth per open stream**: (server RSS at the end − RSS before the streams) ÷ streams open at
                  the end; RSS is `VmRSS` from `/proc/PID/status`, summed over the nginx master and worker.
                  For the JVM it includes heap the collector has not returned, so it is an upper bound.
                - **CPU per event**: server CPU (`/proc/PID/stat`, ÷ `getconf CLK_TCK`) in the window ÷ events
                  received in the window; *user* is the server's own code (for the JVM: also the JIT compiler and the
                  garbage collector), *system* is the kernel working for it (mostly the socket writes, and on
                  loopback also the receiving side of TCP).
                - **Fresh and warm**: scenario 2 measures a server that has just started (the JVM still compiling its
                  hot code, which counts in its CPU); scenario 3 runs the same load again on that server.
                - **Other processes' CPU**: the CPU time of every other user-space process of the machine (from
                  `/proc/PID/stat`, kernel threads left out) in the window; more than 5 % of a core marks the run as
                  disturbed above.
                - **Fire-hose**: the client reads as fast as it can on one core, so a fire-hose number may be the
                  client's limit rather than the server's; compare the client's CPU with the window.

                """);
    }

    private static void reproduce(StringBuilder md) {
        md.append("""
                ## How to reproduce

                On Linux with a JDK 17, `taskset`, `curl` and root (the peer installs Debian's `nginx-light` and
                `libnginx-mod-http-lua` on first use):

                ```bash
                bench/run            # 9,000 streams × 30 s, fire-hoses × 10 s, then the variants (about 20 minutes)
                VARIANTS=0 bench/run # without the variants (about 8 minutes)
                bench/run --quick    # 300 streams × 5 s, to try the harness (writes bench/results/quick/)
                ```

                Where Temurin 25 is installed (`AOT_JDK`, default `/usr/lib/jvm/temurin-25-jdk-amd64`), the full run
                also builds the demo with it twice, from the working tree, into `bench/target/jdk25` (the `jdk25`
                profile: the AOT cache `app.aot`, trained on served streams) and `bench/target/jdk25-appcds` (the
                AppCDS archive), and adds the variants `jdk25-aot`, `jdk25-no-cache` and `jdk25-appcds`.
                `AOT_APP_DIR` and `JDK25_APPCDS_APP_DIR` name such `quarkus-app` directories built beforehand instead.

                Where podman runs and the image `chamber-sse-demo-jvm:latest` is there (`./mvnw install -Dimage`,
                docs/containers.md), the run also starts the image (with `CONTAINERS_CONF`, default
                `demo/src/main/docker/containers.conf`) for the container rows; without them it skips those rows.

                `bench/run` builds what it lacks (`./mvnw -B -q install -DskipTests`), writes one JSON per scenario and
                server to `bench/results/`, then this page and its chart with
                `java -cp bench/target/chamber-sse-bench.jar io.chamber.sse.bench.Report`.
                The load client also runs on its own against any SSE URL:

                ```bash
                java -jar bench/target/chamber-sse-bench.jar --url 'http://127.0.0.1:8000/streaming/sse?interval=1s' \\
                    --streams 1000 --ramp 5s --duration 30s --interval-ms 1000 --server-pid PID --json out.json
                ```
                """);
    }

    private static String pathAndQuery(String url) {
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return path < 0 ? url : url.substring(path);
    }

    /** Bytes as podman shows them: decimal kB and MB. */
    private static String decimalBytes(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private static Double mib(Long bytes) {
        return bytes == null ? null : bytes / 1048576.0;
    }

    private static String cell(Double value, String unit) {
        if (value == null) {
            return "n/a";
        }
        String digits = Math.abs(value) >= 100 || value == Math.rint(value) ? "%,.0f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + (unit.isEmpty() ? "" : " " + unit);
    }
}
