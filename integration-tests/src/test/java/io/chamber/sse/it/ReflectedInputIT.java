package io.chamber.sse.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same exchanges with the packaged application; its log is checked by {@link ClientNoiseIT}. */
@QuarkusIntegrationTest
class ReflectedInputIT extends ReflectedInputTest {
}
