package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

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
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.chamber.sse.path", "/custom/events");

    @Inject
    ChamberSseEndpoint endpoint;

    @TestHTTPResource("/")
    URL server;

    @Test
    void thePathIsWhereAClientGetsTheStream() {
        assertThat(endpoint.path()).isEqualTo("/app/custom/events");
        given().baseUri("http://localhost:" + server.getPort()).basePath("").queryParam("count", 1)
                .when().get(endpoint.path())
                .then().statusCode(200)
                .body(matchesPattern("id: [0-9a-f]{32}\nevent: random\ndata: \\{\"message\": .*\n\n"));
    }
}
