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

/**
 * The conformance lab against real clients ({@code src/test/browser/conformance-test.mjs}): for every quirk and
 * split, alone and combined, Chromium's EventSource and the npm eventsource package dispatch exactly what
 * {@code /streaming/sse/expected} says, and reconnect with its last event id; over plain HTTP/1.1 and over the HTTPS
 * port (HTTP/2 for Chromium).
 */
@QuarkusTest
class ConformanceTest {

    /** The self-signed certificate the demo made for its HTTPS port (chamber.demo.tls.directory of the test profile). */
    static final Path CERTIFICATE = Path.of("target", "tls", "localhost.crt").toAbsolutePath();

    @TestHTTPResource("/")
    URL demo;

    @TestHTTPResource(value = "/", tls = true)
    URL secure;

    @Test
    void realClientsDispatchWhatTheManifestSays() throws Exception {
        ExternalTools.chromium();
        int exitCode = ExternalTools.run(List.of(ExternalTools.node().toString(), "conformance-test.mjs",
                demo.toString()), BrowserTest.SCRIPTS, Map.of(), 300);

        assertThat(exitCode).as("exit code of node conformance-test.mjs (its output is in the test log)").isZero();
    }

    /** The same cases over the HTTPS port: Chromium over HTTP/2 (the script checks it), the npm package over TLS. */
    @Test
    void realClientsDispatchWhatTheManifestSaysOverH2AndTls() throws Exception {
        ExternalTools.chromium();
        int exitCode = ExternalTools.run(List.of(ExternalTools.node().toString(), "conformance-test.mjs",
                secure.toString()), BrowserTest.SCRIPTS, Map.of("NODE_EXTRA_CA_CERTS", CERTIFICATE.toString()), 300);

        assertThat(exitCode).as("exit code of node conformance-test.mjs over HTTPS (its output is in the test log)")
                .isZero();
    }
}
