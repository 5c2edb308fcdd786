package io.chamber.sse.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class StreamEndpointIT extends StreamEndpointTest {
}
