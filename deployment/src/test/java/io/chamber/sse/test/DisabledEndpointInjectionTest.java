package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.runtime.ChamberSseEndpoint;
import io.quarkus.test.QuarkusUnitTest;

/** With the endpoint off, an application that injects its location fails to build, and says why. */
class DisabledEndpointInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(LinksToTheStream.class))
            .overrideConfigKey("quarkus.chamber.sse.enabled", "false")
            .assertException(failure -> assertThat(failure).rootCause()
                    .hasMessageContaining("Unsatisfied dependency for type io.chamber.sse.runtime.ChamberSseEndpoint"));

    @ApplicationScoped
    static class LinksToTheStream {
        @Inject
        ChamberSseEndpoint endpoint;
    }

    @Test
    void theBuildFails() {
        // the assertion is on the build failure above
    }
}
