package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class CustomPathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.chamber.sse.path", "/custom/events");

    @Test
    void servesTheStreamAtTheConfiguredPath() {
        given().queryParam("count", 1)
                .when().get("/custom/events")
                .then().statusCode(200)
                .body(startsWith("id: "));
    }

    @Test
    void noLongerAnswersAtTheDefaultPath() {
        given().when().get("/streaming/sse").then().statusCode(404);
    }
}
