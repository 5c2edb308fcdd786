package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * Runs {@code src/test/browser/dev-ui-test.mjs} with node against an application in dev mode: chromium opens the
 * real Dev UI, finds the Chamber SSE card and plays a stream on its page. {@code .ci/setup} installs chromium and
 * the npm packages, which live in the repository's root for the demo's browser tests too.
 */
class DevUiBrowserTest {

    private static final int PORT = DevModeApp.freePort();
    private static final Path SCRIPT = Path.of("src", "test", "browser", "dev-ui-test.mjs").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "browser").toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest app = DevModeApp.on(PORT);

    @Test
    void theCardPlaysTheStreamInsideTheDevUi() throws Exception {
        ExternalTools.chromium();
        Path node = ExternalTools.node();
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("dev-ui-live-stream.png"));

        int exitCode = ExternalTools.run(List.of(node.toString(), SCRIPT.toString(), "http://127.0.0.1:" + PORT + "/"),
                ExternalTools.ROOT, Map.of("SCREENSHOTS", SCREENSHOTS.toString()), 120);

        assertThat(exitCode).as("exit code of node dev-ui-test.mjs (its output is in the test log)").isZero();
        assertThat(SCREENSHOTS.resolve("dev-ui-live-stream.png")).exists();
    }
}
