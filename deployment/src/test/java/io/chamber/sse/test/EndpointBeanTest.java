package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.runtime.ChamberSseEndpoint;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** With a moved endpoint under an HTTP root path, the injected endpoint says where clients get the stream. */
class EndpointBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(FirstEvent.class))
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.chamber.sse.path", "/custom/events");

    @Inject
    ChamberSseEndpoint endpoint;

    @TestHTTPResource("/")
    URL server;

    @Test
    void thePathIsWhereAClientGetsTheStream() throws Exception {
        //X
        assertThat(FirstEvent.of(server.toURI().resolve(endpoint.path()))).as("the first event")
                .satisfiesExactly(
                        line -> assertThat(line).matches("id: [0-9a-f]{32}"),
                        line -> assertThat(line).isEqualTo("event: random"),
                        line -> assertThat(line).startsWith("data: {\"message\": "));
    }
}
