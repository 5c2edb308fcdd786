package io.chamber.sse.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class StreamControlsIT extends StreamControlsTest {
}
