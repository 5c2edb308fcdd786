package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.runtime.ChamberSseEndpoint;
import io.chamber.sse.runtime.EventGenerator;
import io.chamber.sse.runtime.stream.SseEvent;
import io.quarkus.test.QuarkusUnitTest;

class DisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.chamber.sse.enabled", "false");

    @Inject
    EventGenerator generator;

    @Inject
    Instance<ChamberSseEndpoint> endpoint;

    @Test
    void hasNoRoute() {
        given().when().get("/streaming/sse").then().statusCode(404);
    }

    @Test
    void hasNoEndpointBean() {
        assertThat(endpoint.isResolvable()).as("a ChamberSseEndpoint bean").isFalse();
    }

    @Test
    void keepsTheGeneratorForTheApplicationsOwnEndpoints() {
        SseEvent first = generator.stream().toUni().await().indefinitely();
        assertThat(first.id()).matches("[0-9a-f]{32}");
        assertThat(first.name()).isEqualTo("random");
    }
}
