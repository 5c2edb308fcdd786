package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the node scripts in {@code src/test/browser} (Playwright driving Debian's chromium, the npm eventsource
 * client), copying their output to the test log. {@code .ci/setup} installs chromium and the npm packages, which
 * live in the repository's root; on CI a missing tool fails the test, elsewhere it skips it.
 */
final class NodeScripts {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path NPM_PACKAGES = Path.of("..").toAbsolutePath().normalize();
    private static final String HOW_TO_INSTALL = "run .ci/setup (installs chromium with apt-get and the tests' "
            + "npm packages) and install Node.js 20 or later from your package manager";

    private NodeScripts() {
    }

    /** Runs {@code node script args...} and returns its exit code; the script's output goes to the test log. */
    static int run(String script, List<String> args, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path node = requireTool("node", findOnPath("node"));
        requireTool("chromium", Optional.of(CHROMIUM).filter(Files::isExecutable));
        if (!Files.isDirectory(NPM_PACKAGES.resolve("node_modules"))) {
            Path npm = requireTool("npm", findOnPath("npm"));
            assertThat(run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), NPM_PACKAGES, Map.of(), 300))
                    .as("exit code of npm ci").isZero();
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), script));
        command.addAll(args);
        return run(command, SCRIPTS, environment, timeoutSeconds);
    }

    /** The tool, or a failure on CI and a skipped test elsewhere. */
    private static Path requireTool(String name, Optional<Path> tool) {
        if (tool.isEmpty()) {
            String message = name + " is missing, so the real-client tests cannot run; " + HOW_TO_INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return tool.get();
    }

    private static Optional<Path> findOnPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        System.out.println("[node] $ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread copier = new Thread(() -> copyToLog(process), "node-output");
        copier.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        copier.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
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
