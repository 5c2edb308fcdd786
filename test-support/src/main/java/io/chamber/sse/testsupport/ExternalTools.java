package io.chamber.sse.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The programs from outside the build that the real-client tests drive: Node.js with the repository's npm packages
 * (Playwright, the eventsource client), Debian's chromium, nginx and podman. {@code .ci/setup} installs them; a
 * missing one fails the test on CI ({@code CI=true}) and skips it elsewhere.
 */
public final class ExternalTools {

    /** The repository's root, where {@code .ci/setup} runs {@code npm ci}; tests run in a module's directory. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String HOW_TO_INSTALL = "run .ci/setup (installs chromium, nginx and podman with apt-get "
            + "and the tests' npm packages) and install Node.js 20 or later from your package manager";

    private ExternalTools() {
    }

    /** Node.js, with the repository's npm packages installed (by {@code npm ci} when they are not). */
    public static Path node() {
        Path node = require("node", onPath("node"));
        if (!Files.isDirectory(ROOT.resolve("node_modules"))) {
            Path npm = require("npm", onPath("npm"));
            assertEquals(0, run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), ROOT, Map.of(), 300),
                    "exit code of npm ci");
        }
        return node;
    }

    public static Path chromium() {
        return require("chromium", Optional.of(Path.of("/usr/bin/chromium")).filter(Files::isExecutable));
    }

    public static Path nginx() {
        return require("nginx", Optional.of(Path.of("/usr/sbin/nginx")).filter(Files::isExecutable));
    }

    public static Path podman() {
        return require("podman", Optional.of(Path.of("/usr/bin/podman")).filter(Files::isExecutable));
    }

    /**
     * Runs {@code command} in {@code directory}, copying its output to the test log line by line.
     *
     * @return its exit code; a command still running after the timeout is killed and fails the test
     */
    public static int run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds) {
        System.out.println("[node] $ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread copier = new Thread(() -> copyToLog(process), "external-tool-output");
            copier.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            copier.join(TimeUnit.SECONDS.toMillis(10));
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tool, or a failure on CI and a skipped test elsewhere. */
    private static Path require(String name, Optional<Path> tool) {
        if (tool.isEmpty()) {
            String message = name + " is missing, so this test cannot run; " + HOW_TO_INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return tool.get();
    }

    private static Optional<Path> onPath(String executable) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void copyToLog(Process process) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> System.out.println("[node] " + line));
        } catch (IOException e) {
            System.out.println("[node] output unreadable: " + e);
        }
    }
}
