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
 * The six-connection limit in Chromium ({@code src/test/browser/many-streams-test.mjs}): the demo's many.html opens
 * 20 EventSources on one origin; over HTTP/2 (the HTTPS port) all 20 receive events, over HTTP/1.1 at most six.
 */
@QuarkusTest
class ManyStreamsBrowserTest {

    @TestHTTPResource("/")
    URL plain;

    @TestHTTPResource(value = "/", tls = true)
    URL secure;

    @Test
    void twentyStreamsOnOneOriginReceiveEventsOverH2AndAtMostSixOverHttp11() throws Exception {
        ExternalTools.chromium();
        int exitCode = ExternalTools.run(List.of(ExternalTools.node().toString(), "many-streams-test.mjs",
                plain.toString(), secure.toString()), BrowserTest.SCRIPTS, Map.of(), 120);

        assertThat(exitCode).as("exit code of node many-streams-test.mjs (its output is in the test log)").isZero();
    }
}
