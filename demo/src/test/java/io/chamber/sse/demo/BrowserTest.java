package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs the Playwright tests in {@code src/test/browser} with node against this app on its test port. They drive
 * Debian's chromium; {@code .ci/setup} installs it and the npm packages, which live in the repository's root.
 */
@QuarkusTest
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BROWSER_TESTS = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path NPM_PACKAGES = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCREENSHOT = Path.of("target", "browser", "demo.png").toAbsolutePath();
    private static final String HOW_TO_INSTALL = "run .ci/setup (installs chromium with apt-get and the tests' "
            + "npm packages) and install Node.js 20 or later from your package manager";

    @TestHTTPResource("/")
    URL demo;

    @Test
    void demoWorksInARealBrowser() throws Exception {
        Path node = requireTool("node", findOnPath("node"));
        requireTool("chromium", Optional.of(CHROMIUM).filter(Files::isExecutable));
        if (!Files.isDirectory(NPM_PACKAGES.resolve("node_modules"))) {
            Path npm = requireTool("npm", findOnPath("npm"));
            assertThat(run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), NPM_PACKAGES, 300))
                    .as("exit code of npm ci").isZero();
        }
        Files.deleteIfExists(SCREENSHOT);

        int exitCode = run(List.of(node.toString(), "browser-test.mjs", demo.toString()), BROWSER_TESTS, 180);

        assertThat(exitCode).as("exit code of node browser-test.mjs (its output is in the test log)").isZero();
        assertThat(SCREENSHOT).exists();
    }

    /** The tool, or a failure on CI and a skipped test elsewhere. */
    private static Path requireTool(String name, Optional<Path> tool) {
        if (tool.isEmpty()) {
            String message = name + " is missing, so the browser tests cannot run; " + HOW_TO_INSTALL;
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

    /** Runs the command in the directory, copying its output to the test log line by line. */
    private static int run(List<String> command, Path directory, long timeoutSeconds)
            throws IOException, InterruptedException {
        System.out.println("[browser] $ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SCREENSHOT", SCREENSHOT.toString());
        Process process = builder.start();
        Thread copier = new Thread(() -> copyToLog(process), "browser-test-output");
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
            output.lines().forEach(line -> System.out.println("[browser] " + line));
        } catch (IOException e) {
            System.out.println("[browser] output unreadable: " + e);
        }
    }
}
