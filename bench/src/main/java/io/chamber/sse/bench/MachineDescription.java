package io.chamber.sse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the benchmark ran on, read from {@code /proc}, {@code /etc/os-release} and the running JVM. */
public record MachineDescription(
        String cpuModel,
        int cores,
        long memoryKib,
        String kernel,
        String operatingSystem,
        String jdk,
        String nginx) {

    public static MachineDescription ofThisMachine() {
        return new MachineDescription(
                fieldOf("/proc/cpuinfo", "model name", ":").orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                fieldOf("/proc/meminfo", "MemTotal", ":").map(kib -> Long.parseLong(kib.replace("kB", "").trim())).orElse(0L),
                firstLine("/proc/sys/kernel/osrelease").orElse("unknown"),
                fieldOf("/etc/os-release", "PRETTY_NAME", "=").map(name -> name.replace("\"", "")).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                nginxVersion().orElse("not found"));
    }

    public double memoryGib() {
        return memoryKib / 1048576.0;
    }

    private static Optional<String> fieldOf(String file, String name, String separator) {
        return lines(file).stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(separator) + 1).trim())
                .findFirst();
    }

    private static Optional<String> firstLine(String file) {
        return lines(file).stream().findFirst().map(String::trim);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> nginxVersion() {
        try {
            Process nginx = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
            String out = new String(nginx.getInputStream().readAllBytes()).trim();
            if (nginx.waitFor(10, TimeUnit.SECONDS) && nginx.exitValue() == 0) {
                return Optional.of(out.replace("nginx version: ", ""));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
