package io.chamber.sse.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load client's command line.
 *
 * @param intervalMs the fixed pace the server was asked for; 0 when the pace is not fixed (no lateness then)
 * @param serverPids the server's processes whose RSS and CPU are summed (an nginx master and its workers); may be empty
 */
public record LoadOptions(
        URI url,
        int streams,
        Duration duration,
        Duration ramp,
        long intervalMs,
        List<Long> serverPids,
        String scenario,
        String server,
        Path json) {

    static final String USAGE = """
            usage: LoadClient --url URL [--streams N] [--duration 30s] [--ramp 10s] [--interval-ms MS]
                              [--server-pid PID[,PID...]] [--scenario NAME] [--server NAME] [--json FILE]""";

    public static LoadOptions parse(String... args) {
        URI url = null;
        int streams = 1;
        Duration duration = Duration.ofSeconds(30);
        Duration ramp = Duration.ZERO;
        long intervalMs = 0;
        List<Long> pids = new ArrayList<>();
        String scenario = "adhoc";
        String server = "server";
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--streams" -> streams = Integer.parseInt(value);
                case "--duration" -> duration = parseDuration(value);
                case "--ramp" -> ramp = parseDuration(value);
                case "--interval-ms" -> intervalMs = Long.parseLong(value);
                case "--server-pid" -> {
                    for (String pid : value.split(",")) {
                        if (!pid.isBlank()) {
                            pids.add(Long.parseLong(pid.trim()));
                        }
                    }
                }
                case "--scenario", "--label" -> scenario = value;
                case "--server" -> server = value;
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required\n" + USAGE);
        }
        if (streams < 1 || duration.isZero() || duration.isNegative() || ramp.isNegative() || intervalMs < 0) {
            throw new IllegalArgumentException("need streams >= 1, duration > 0, ramp >= 0, interval-ms >= 0\n" + USAGE);
        }
        return new LoadOptions(url, streams, duration, ramp, intervalMs, List.copyOf(pids), scenario, server, json);
    }

    /** Parses {@code 250ms}, {@code 10s}, {@code 2m}; a bare number is seconds. */
    static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    public boolean measuresLateness() {
        return intervalMs > 0;
    }
}
