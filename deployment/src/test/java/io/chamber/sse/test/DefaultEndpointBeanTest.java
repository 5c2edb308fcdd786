package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.runtime.ChamberSseEndpoint;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** Without configuration, the injected endpoint is the default path, where clients get the stream. */
class DefaultEndpointBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(FirstEvent.class));

    @Inject
    ChamberSseEndpoint endpoint;

    @TestHTTPResource("/")
    URL server;

    @Test
    void thePathIsTheDefaultWhereAClientGetsTheStream() throws Exception {
        assertThat(endpoint.path()).isEqualTo("/streaming/sse");
        assertThat(FirstEvent.of(server.toURI().resolve(endpoint.path()))).as("the first event")
                .satisfiesExactly(
                        line -> assertThat(line).matches("id: [0-9a-f]{32}"),
                        line -> assertThat(line).isEqualTo("event: random"),
                        line -> assertThat(line).startsWith("data: {\"message\": "));
    }
}
