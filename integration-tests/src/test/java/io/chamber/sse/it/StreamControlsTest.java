package io.chamber.sse.it;

import static io.chamber.sse.it.StreamEndpointTest.JSON;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static io.chamber.sse.it.StreamEndpointTest.elapsed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The query parameters that shape the stream, each against a running server with a real SSE client. */
@QuarkusTest
class StreamControlsTest {

    @TestHTTPResource("/streaming/sse")
    URI sse;

    SseClient open(String query) {
        return SseClient.open(URI.create(sse + "?" + query));
    }

    SseClient open(String query, Map<String, String> headers) {
        return SseClient.open(URI.create(sse + "?" + query), headers);
    }

    @Test
    void fixedIntervalPacesEveryEvent() throws Exception {
        try (SseClient client = open("interval=200ms&count=4")) {
            List<SseClient.Event> events = client.events(4, WAIT);
            for (int i = 1; i < events.size(); i++) {
                assertThat(elapsed(events.get(i)) - elapsed(events.get(i - 1))).isBetween(0.150, 0.260);
            }
            assertEndsCleanly(client);
        }
    }

    @Test
    void intervalRangeGivesRandomPausesWithinIt() throws Exception {
        try (SseClient client = open("interval=50ms..150ms&count=6")) {
            List<SseClient.Event> events = client.events(6, WAIT);
            for (int i = 1; i < events.size(); i++) {
                assertThat(elapsed(events.get(i)) - elapsed(events.get(i - 1))).isBetween(0.020, 0.190);
            }
        }
    }

    @Test
    void intervalAcceptsBareSeconds() throws Exception {
        try (SseClient client = open("interval=0.2&count=2")) {
            List<SseClient.Event> events = client.events(2, WAIT);
            assertThat(elapsed(events.get(1)) - elapsed(events.get(0))).isBetween(0.150, 0.260);
        }
    }

    @Test
    void zeroIntervalIsAFireHose() {
        try (SseClient client = open("interval=0&count=5000")) {
            assertThat(client.events(5000, WAIT)).hasSize(5000);
            assertEndsCleanly(client);
        }
    }

    @Test
    void countEndsTheResponseCleanly() {
        try (SseClient client = open("interval=10ms&count=3")) {
            assertThat(client.events(3, WAIT)).hasSize(3);
            assertThat(client.rest(WAIT)).isEmpty();
            assertEndsCleanly(client);
        }
    }

    @Test
    void countEndsTheResponseRightAfterTheLastEventNotAfterAnotherPause() {
        try (SseClient client = open("interval=5s&count=1")) {
            client.nextEvent(WAIT);
            assertThat(client.end()).succeedsWithin(Duration.ofSeconds(2));
        }
    }

    @Test
    void durationEndsTheResponseCleanly() throws Exception {
        try (SseClient client = open("interval=100ms&duration=500ms")) {
            List<SseClient.Item> items = client.rest(WAIT);
            assertEndsCleanly(client);
            assertThat(items).hasSizeBetween(4, 6);
            assertThat(elapsed((SseClient.Event) items.get(items.size() - 1))).isLessThan(0.5);
        }
    }

    @Test
    void delayHoldsBackHeadersAndTheFirstEvent() throws Exception {
        long start = System.nanoTime();
        try (SseClient client = open("delay=400ms")) {
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
            assertThat(elapsed(client.nextEvent(WAIT))).isBetween(0.4, 0.6);
        }
    }

    @Test
    void retryIsSentFirst() {
        try (SseClient client = open("retry=1500")) {
            assertThat(client.next(WAIT)).isInstanceOfSatisfying(SseClient.Retry.class,
                    retry -> assertThat(retry.millis()).isEqualTo(1500));
            assertThat(client.next(WAIT)).isInstanceOf(SseClient.Event.class);
        }
    }

    @Test
    void heartbeatCommentsFillTheSilenceBetweenEvents() {
        try (SseClient client = open("interval=1s&heartbeat=200ms&count=2")) {
            SseClient.Event first = client.nextEvent(WAIT);
            List<SseClient.Item> rest = client.rest(WAIT);
            SseClient.Event second = (SseClient.Event) rest.get(rest.size() - 1);
            List<SseClient.Item> between = rest.subList(0, rest.size() - 1);
            assertThat(between).hasSizeBetween(3, 5).allSatisfy(item -> assertThat(item)
                    .isInstanceOfSatisfying(SseClient.Comment.class, c -> assertThat(c.text()).isEqualTo(" heartbeat")));
            long previous = first.receivedNanos();
            for (SseClient.Item heartbeat : between) {
                assertThat(heartbeat.receivedNanos() - previous).isBetween(ms(150), ms(300));
                previous = heartbeat.receivedNanos();
            }
            assertThat(second.receivedNanos()).isGreaterThan(previous);
        }
    }

    @Test
    void noHeartbeatWhileEventsKeepComing() {
        try (SseClient client = open("interval=50ms&heartbeat=300ms&count=10")) {
            assertThat(client.rest(WAIT)).hasSize(10).allMatch(item -> item instanceof SseClient.Event);
        }
    }

    @Test
    void paddingIsACommentOfThatManyBytesFirst() {
        try (SseClient client = open("padding=2048&retry=10")) {
            assertThat(client.next(WAIT)).isInstanceOfSatisfying(SseClient.Comment.class,
                    comment -> assertThat(comment.text()).hasSize(2048).isBlank());
            assertThat(client.next(WAIT)).isInstanceOf(SseClient.Retry.class);
            assertThat(client.next(WAIT)).isInstanceOf(SseClient.Event.class);
        }
    }

    @Test
    void seedMakesTheStreamDeterministic() {
        List<SseClient.Event> first = events("seed=42&interval=0&count=5");
        List<SseClient.Event> again = events("seed=42&interval=0&count=5");
        List<SseClient.Event> other = events("seed=43&interval=0&count=5");
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(messages(again)).isEqualTo(messages(first));
        assertThat(ids(other)).doesNotContainAnyElementsOf(ids(first));
        assertThat(messages(other)).isNotEqualTo(messages(first));
    }

    @Test
    void seedAlsoFixesThePauses() throws Exception {
        List<SseClient.Event> first = events("seed=9&interval=100ms..400ms&count=4");
        List<SseClient.Event> again = events("seed=9&interval=100ms..400ms&count=4");
        for (int i = 1; i < first.size(); i++) {
            double pause = elapsed(first.get(i)) - elapsed(first.get(i - 1));
            double pauseAgain = elapsed(again.get(i)) - elapsed(again.get(i - 1));
            assertThat(pauseAgain).isCloseTo(pause, offset(0.040));
        }
    }

    @Test
    void failAfterEndsTheResponseCleanlyAfterThatManyEvents() {
        try (SseClient client = open("interval=20ms&fail_after=3")) {
            assertThat(client.rest(WAIT)).hasSize(3);
            assertEndsCleanly(client);
        }
    }

    @Test
    void dropAfterBreaksTheConnectionAfterThatManyEvents() {
        try (SseClient client = open("interval=20ms&drop_after=2")) {
            assertThat(client.events(2, WAIT)).hasSize(2);
            assertThatThrownBy(() -> client.end().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(client.rest(WAIT)).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({ "204", "500", "503" })
    void statusAnswersWithThatStatusAndNoStream(int status) {
        try (SseClient client = open("status=" + status)) {
            assertThat(client.response().statusCode()).isEqualTo(status);
            assertThat(client.body()).isEmpty();
            assertThat(client.response().headers().firstValue("Content-Type")).isEmpty();
        }
    }

    @Test
    void lastEventIdResumesTheStreamAtTheNextEvent() {
        List<SseClient.Event> reference = events("seed=7&interval=0&count=10");
        try (SseClient client = open("interval=0&count=10",
                Map.of("Last-Event-ID", reference.get(3).id()))) {
            List<SseClient.Event> resumed = client.events(6, WAIT);
            assertThat(ids(resumed)).isEqualTo(ids(reference.subList(4, 10)));
            assertThat(messages(resumed)).isEqualTo(messages(reference.subList(4, 10)));
            assertEndsCleanly(client);
        }
    }

    @Test
    void aResumedSeededStreamGoesOnWithTheSameBytesElapsedIncluded() throws Exception {
        String query = "seed=11&interval=20ms..80ms&count=6";
        List<String> uninterrupted = List.of(raw(query, Map.of()).split("(?<=\n\n)"));
        assertThat(uninterrupted).hasSize(6);
        for (int k = 0; k < 5; k++) {
            String lastId = uninterrupted.get(k).lines().findFirst().orElseThrow().substring("id: ".length());
            assertThat(raw(query, Map.of("Last-Event-ID", lastId))).as("resumed after event " + k)
                    .isEqualTo(String.join("", uninterrupted.subList(k + 1, 6)));
        }
    }

    @Test
    void anUnseededStreamResumesOnItsTimelineNotFromZero() throws Exception {
        List<SseClient.Event> first = events("interval=50ms&count=6");
        try (SseClient client = open("interval=50ms&count=6", Map.of("Last-Event-ID", first.get(2).id()))) {
            List<SseClient.Event> resumed = client.events(3, WAIT);
            assertThat(ids(resumed)).isEqualTo(ids(first.subList(3, 6)));
            List<Double> elapsed = new ArrayList<>();
            for (SseClient.Event event : resumed) {
                elapsed.add(elapsed(event));
            }
            assertThat(elapsed).as("the scheduled times of events 4 to 6").containsExactly(0.15, 0.2, 0.25);
        }
    }

    /** The whole body of a finite stream, as sent. */
    String raw(String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sse + "?" + query)).timeout(WAIT);
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void lastEventIdQueryParameterResumesToo() {
        List<SseClient.Event> reference = events("seed=8&interval=0&count=4");
        try (SseClient client = open("interval=0&count=4&lastEventId=" + reference.get(1).id())) {
            assertThat(ids(client.events(2, WAIT))).isEqualTo(ids(reference.subList(2, 4)));
        }
    }

    @Test
    void resumingAfterTheLastEventOfACountAnswers204() {
        List<SseClient.Event> reference = events("seed=5&interval=0&count=3");
        try (SseClient client = open("interval=0&count=3", Map.of("Last-Event-ID", reference.get(2).id()))) {
            assertThat(client.response().statusCode()).isEqualTo(204);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "interval=abc | interval", "interval=-1s | interval", "interval=2s..1s | interval",
            "interval=5h | interval", "interval=1s.. | interval",
            "count=0 | count", "count=-1 | count", "count=abc | count", "count=99999999999999999999 | count",
            "duration=0 | duration", "duration=soon | duration", "duration=25h | duration",
            "delay=2m | delay", "delay=-1 | delay",
            "retry=-5 | retry", "retry=abc | retry", "retry=999999999999 | retry",
            "heartbeat=0 | heartbeat", "heartbeat=2h | heartbeat",
            "padding=100000 | padding", "padding=-1 | padding",
            "seed=abc | seed", "seed=-1 | seed",
            "fail_after=0 | fail_after", "drop_after=x | drop_after",
            "status=199 | status", "status=600 | status", "status=abc | status",
            "lastEventId=0123456789abcdef0123456789abcdef | lastEventId",
            "lastEventId=nope | lastEventId" })
    void refusesBadValuesWithAProblemNamingTheParameter(String query, String parameter) throws Exception {
        assertProblem(open(query), parameter);
    }

    @Test
    void refusesOverlongDataAndEventNames() throws Exception {
        assertProblem(open("data=" + "x".repeat(1025)), "data");
        assertProblem(open("event=" + "e".repeat(65)), "event");
    }

    @Test
    void refusesALastEventIdHeaderThatIsNotOurs() throws Exception {
        assertProblem(open("", Map.of("Last-Event-ID", "5500f7b77d1c4216e2f2dd157e46ff01")), "Last-Event-ID");
    }

    @Test
    void refusesStreamsBeyondTheCapWith503AndRetryAfter() throws Exception {
        int cap = 50; // %test.quarkus.chamber.sse.max-streams
        List<SseClient> held = new ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
                SseClient client = open("interval=10s");
                if (client.response().statusCode() == 200) {
                    held.add(client);
                } else {
                    client.close();
                }
                return held.size() == cap;
            });
            try (SseClient refused = open("interval=10s")) {
                assertThat(refused.response().statusCode()).isEqualTo(503);
                assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("1");
                JsonNode problem = JSON.readTree(refused.body());
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("detail").asText()).isEqualTo("50 streams are open, the most this server allows");
            }
        } finally {
            held.forEach(SseClient::close);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (SseClient client = open("interval=10s")) {
                return client.response().statusCode() == 200;
            }
        });
    }

    static void assertProblem(SseClient client, String parameter) throws Exception {
        try (client) {
            assertThat(client.response().statusCode()).isEqualTo(400);
            assertThat(client.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(client.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
            assertThat(problem.get("detail").asText()).contains("'" + parameter + "'");
            assertThat(problem.get("accepted").asText()).isNotBlank();
        }
    }

    List<SseClient.Event> events(String query) {
        return SseClient.readToEnd(URI.create(sse + "?" + query), Map.of(), WAIT);
    }

    static void assertEndsCleanly(SseClient client) {
        assertThat(client.end()).succeedsWithin(WAIT);
    }

    static List<String> ids(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::id).toList();
    }

    static List<String> messages(List<SseClient.Event> events) {
        return events.stream().map(event -> {
            try {
                return JSON.readTree(event.data()).get("message").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

}
