package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The conformance lab against real clients ({@code src/test/browser/conformance-test.mjs}): for every quirk and
 * split, alone and combined, Chromium's EventSource and the npm eventsource package dispatch exactly what
 * {@code /streaming/sse/expected} says, and reconnect with its last event id.
 */
@QuarkusTest
class ConformanceTest {

    @TestHTTPResource("/")
    URL demo;

    @Test
    void realClientsDispatchWhatTheManifestSays() throws Exception {
        ExternalTools.chromium();
        int exitCode = ExternalTools.run(List.of(ExternalTools.node().toString(), "conformance-test.mjs",
                demo.toString()), BrowserTest.SCRIPTS, Map.of(), 300);

        assertThat(exitCode).as("exit code of node conformance-test.mjs (its output is in the test log)").isZero();
    }
}
