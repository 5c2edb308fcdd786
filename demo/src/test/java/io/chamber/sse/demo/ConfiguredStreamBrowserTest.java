package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Runs {@code src/test/browser/configured-stream-test.mjs}: the demo page against an app whose endpoint has another
 * path and event name than the extension's defaults.
 */
@QuarkusTest
@TestProfile(ConfiguredStreamBrowserTest.MovedStream.class)
class ConfiguredStreamBrowserTest {

    static final String PATH = "/moved/sse";
    static final String EVENT_NAME = "tick";

    public static class MovedStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.chamber.sse.path", PATH, "quarkus.chamber.sse.event-name", EVENT_NAME);
        }
    }

    @TestHTTPResource("/")
    URL demo;

    @Test
    void theViewerFollowsTheConfiguredPathAndEventName() {
        ExternalTools.chromium();
        Path node = ExternalTools.node();

        int exitCode = ExternalTools.run(
                List.of(node.toString(), "configured-stream-test.mjs", demo.toString(), PATH, EVENT_NAME),
                BrowserTest.SCRIPTS, Map.of(), 120);

        assertThat(exitCode).as("exit code of node configured-stream-test.mjs (its output is in the test log)").isZero();
    }
}
