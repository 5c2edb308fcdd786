package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Runs {@code src/test/browser/dev-ui-test.mjs} with node against an application in dev mode: chromium opens the
 * real Dev UI, finds the Chamber SSE card and plays a stream on its page. {@code .ci/setup} installs chromium and
 * the npm packages, which live in the repository's root for the demo's browser tests too.
 */
class DevUiBrowserTest {

    private static final int PORT = DevModeApp.freePort();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = Path.of("src", "test", "browser", "dev-ui-test.mjs").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "browser").toAbsolutePath();
    private static final Path LOG = SCREENSHOTS.resolve("dev-ui-test.log");

    @RegisterExtension
    static final QuarkusDevModeTest app = DevModeApp.on(PORT);

    @Test
    void theCardPlaysTheStreamInsideTheDevUi() throws Exception {
        Path node = requireTool("node", findOnPath("node"));
        requireTool("chromium", Optional.of(CHROMIUM).filter(Files::isExecutable));
        Files.createDirectories(SCREENSHOTS);
        if (!Files.isDirectory(ROOT.resolve("node_modules"))) {
            Path npm = requireTool("npm", findOnPath("npm"));
            assertThat(run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), 300))
                    .as("exit code of npm ci").isZero();
        }
        Files.deleteIfExists(SCREENSHOTS.resolve("dev-ui-live-stream.png"));

        int exitCode = run(List.of(node.toString(), SCRIPT.toString(), "http://127.0.0.1:" + PORT + "/"), 120);

        assertThat(exitCode).as("exit code of node dev-ui-test.mjs (its output is in the test log)").isZero();
        assertThat(SCREENSHOTS.resolve("dev-ui-live-stream.png")).exists();
    }

    /** Runs the command in the repository's root; its output goes to the log file, then to the test log. */
    private static int run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        builder.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        System.out.println("[browser] $ " + String.join(" ", command) + "\n" + Files.readString(LOG));
        if (!finished) {
            fail(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    /** The tool, or a failure on CI (env CI=true) and a skipped test elsewhere. */
    private static Path requireTool(String name, Optional<Path> tool) {
        if (tool.isEmpty()) {
            String message = name + " is missing, so the Dev UI browser test cannot run; run .ci/setup (installs "
                    + "chromium with apt-get and the tests' npm packages) and install Node.js 20 or later";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return tool.get();
    }

    private static Optional<Path> findOnPath(String executable) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
