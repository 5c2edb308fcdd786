package io.chamber.sse.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ConformanceLabIT extends ConformanceLabTest {
}
