package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Runs the Playwright tests of the demo page in {@code src/test/browser} against this app on its test port. */
@QuarkusTest
class BrowserTest {

    static final Path SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "browser", "demo.png").toAbsolutePath();

    @TestHTTPResource("/")
    URL demo;

    @Test
    void demoWorksInARealBrowser() throws Exception {
        ExternalTools.chromium();
        Path node = ExternalTools.node();
        Files.deleteIfExists(SCREENSHOT);

        int exitCode = ExternalTools.run(List.of(node.toString(), "browser-test.mjs", demo.toString()), SCRIPTS,
                Map.of("SCREENSHOT", SCREENSHOT.toString()), 180);

        assertThat(exitCode).as("exit code of node browser-test.mjs (its output is in the test log)").isZero();
        assertThat(SCREENSHOT).exists();
    }
}
