package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** The endpoint lives under the HTTP root path, like any application route. */
class RootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.chamber.sse.path", "events");

    @TestHTTPResource("/")
    URL root;

    @Test
    void servesTheStreamUnderTheRootPath() {
        given().baseUri("http://localhost:" + root.getPort()).basePath("").queryParam("count", 1)
                .when().get("/app/events")
                .then().statusCode(200)
                .body(startsWith("id: "));
        given().baseUri("http://localhost:" + root.getPort()).basePath("")
                .when().get("/events")
                .then().statusCode(404);
    }
}
