package io.chamber.sse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads resident memory and CPU time of a set of processes from {@code /proc}, summed over the set.
 */
public final class ProcessSampler {

    /** Resident set size in bytes and user and system (kernel) CPU time in seconds at one moment. */
    public record Sample(long rssBytes, double userSeconds, double systemSeconds) {

        public double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }

    private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    private final List<Long> pids;

    public ProcessSampler(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    public static ProcessSampler self() {
        return new ProcessSampler(List.of(ProcessHandle.current().pid()));
    }

    public boolean isEmpty() {
        return pids.isEmpty();
    }

    public List<Long> pids() {
        return pids;
    }

    public Sample sample() {
        long rss = 0;
        long userTicks = 0;
        long systemTicks = 0;
        for (long pid : pids) {
            rss += residentBytes(pid);
            long[] ticks = cpuTicks(pid);
            userTicks += ticks[0];
            systemTicks += ticks[1];
        }
        return new Sample(rss, (double) userTicks / CLOCK_TICKS_PER_SECOND, (double) systemTicks / CLOCK_TICKS_PER_SECOND);
    }

    /**
     * CPU seconds the user-space processes of the machine other than {@code excluded} have used (kernel threads,
     * which also do the network work of the measured processes, are left out). A process that ends between two
     * readings takes its time with it, so compare readings close together.
     */
    public static double otherProcessesSeconds(List<Long> excluded) {
        long ticks = 0;
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || excluded.contains(Long.parseLong(name))) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    if (!isKernelThread(stat)) {
                        long[] cpu = parseStatCpuTicks(stat);
                        ticks += cpu[0] + cpu[1];
                    }
                } catch (IOException ended) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return (double) ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** The {@code PF_KTHREAD} flag of {@code /proc/PID/stat}'s flags (field 9). */
    static boolean isKernelThread(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[9 - 3]) & 0x00200000L) != 0;
    }

    static long residentBytes(long pid) {
        for (String line : readLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return parseVmRssLine(line);
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** {@code VmRSS:\t  123456 kB} to bytes. */
    static long parseVmRssLine(String line) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        long kib = Long.parseLong(parts[0]);
        return kib * 1024;
    }

    static long[] cpuTicks(long pid) {
        String stat = String.join(" ", readLines(Path.of("/proc", Long.toString(pid), "stat")));
        return parseStatCpuTicks(stat);
    }

    /**
     * { utime, stime } from a {@code /proc/PID/stat} line. The command name may hold spaces and parentheses,
     * so fields are counted from the last ')': the state is field 3, utime field 14, stime field 15.
     */
    static long[] parseStatCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(fields[14 - 3]), Long.parseLong(fields[15 - 3]) };
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (has the process ended?)", e);
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    public static double loadAverage() {
        String line = readLines(Path.of("/proc/loadavg")).get(0);
        return Double.parseDouble(line.substring(0, line.indexOf(' ')));
    }
}
