package io.chamber.sse.it;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.chamber.sse.runtime.OpenStreams;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A test of what clients do to streams: each test starts with no stream open and an empty {@link WarningLog}, which
 * collects every WARN or ERROR the app logs while the test runs.
 */
abstract class QuietStreamsTest {

    static WarningLog warnings;

    @TestHTTPResource("/")
    URI base;

    @Inject
    OpenStreams openStreams;

    @BeforeAll
    static void collectWarnings() {
        warnings = WarningLog.install();
    }

    @BeforeEach
    void noStreamIsOpen() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
        warnings.clear();
    }

    @AfterAll
    static void stopCollecting() {
        warnings.close();
    }
}
