package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * A rolling restart behind a real nginx loses no event. Two packaged instances behind nginx (the configuration
 * docs/running-a-fleet.md recommends), 200 real EventSource clients on seeded streams with a count. One instance
 * gets SIGTERM mid-stream: it ends its streams cleanly with a short {@code retry:}, the clients reconnect through
 * nginx and resume by {@code Last-Event-ID}; it is started again, and once every client streams again the other one
 * gets the same. Every client must receive exactly its uninterrupted seeded stream and stop on the 204 after its
 * last event, and no instance logs a warning or an error: reconnecting is normal. Which instance a reconnect lands
 * on is nginx's business: an instance that is back before the clients' retry (a native one restarts in tens of
 * milliseconds) gets its share of them, and the test holds either way.
 */
class RollingRestartIT {

    static final int CLIENTS = 200;
    static final int COUNT = 200;
    static final long FIRST_SEED = 7_000;
    /** 200 events 150 ms apart: 30 s a stream, long enough to span both restarts. */
    static final String STREAM = "/streaming/sse?event=tick&interval=150ms&count=" + COUNT;
    static final Duration SETTLE = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyClientReceivesItsWholeStreamAcrossARollingRestart() throws Exception {
        Path nginxExecutable = ExternalTools.nginx();
        Path node = ExternalTools.node();
        List<PackagedApp> runs = new ArrayList<>();
        PackagedApp first = start(PackagedApp.freePort(), runs);
        PackagedApp second = start(PackagedApp.freePort(), runs);
        try (Nginx nginx = Nginx.start(nginxExecutable, PackagedApp.freePort(), first.port, second.port);
                EventSourceClients clients = EventSourceClients.start(node, nginx.uri(STREAM), CLIENTS, FIRST_SEED,
                        Duration.ofSeconds(90))) {
            Awaitility.await().atMost(SETTLE).until(() -> clients.progress().events() >= CLIENTS * 5L);

            first = restart(first, runs);
            awaitEveryClientStreaming(first, second, clients);
            second = restart(second, runs);
            awaitEveryClientStreaming(first, second, clients);

            List<EventSourceClients.Client> results = clients.results(Duration.ofSeconds(120));
            assertThat(results).hasSize(CLIENTS);
            for (EventSourceClients.Client client : results) {
                List<String> expected = uninterrupted(second, client.seed());
                assertThat(client.events().stream().map(RollingRestartIT::idAndMessage).toList())
                        .as("events of the client on seed %d", client.seed()).isEqualTo(expected);
                assertThat(client.closedWith()).as("why the client on seed %d stopped (errors: %s)", client.seed(),
                        client.errors()).isEqualTo(204);
                assertThat(client.opens()).as("connections of the client on seed %d", client.seed())
                        .isGreaterThanOrEqualTo(2);
            }
        } finally {
            first.close();
            second.close();
        }
        for (PackagedApp run : runs) {
            assertThat(Files.readAllLines(run.log)).as("WARN and ERROR lines in %s", run.log)
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
        }
    }

    private static PackagedApp start(int port, List<PackagedApp> runs) throws Exception {
        PackagedApp app = PackagedApp.start(port, "-Dquarkus.shutdown.timeout=10s");
        runs.add(app);
        return app;
    }

    /** SIGTERM, then the same instance again on the same port, once the old one exited. */
    private static PackagedApp restart(PackagedApp app, List<PackagedApp> runs) throws Exception {
        app.process.destroy();
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        return start(app.port, runs);
    }

    /**
     * Every client streams again, on whichever instance nginx chose, or has stopped (on the 204 after its last
     * event, if all is well: the final checks say).
     */
    private static void awaitEveryClientStreaming(PackagedApp first, PackagedApp second, EventSourceClients clients) {
        Metrics onFirst = new Metrics(first.uri("/"));
        Metrics onSecond = new Metrics(second.uri("/"));
        Awaitility.await().atMost(SETTLE).untilAsserted(() -> {
            EventSourceClients.Progress progress = clients.progress();
            assertThat(onFirst.openStreams() + onSecond.openStreams() + progress.closed())
                    .as("streams on both instances plus stopped clients (clients: %s)", progress)
                    .isEqualTo(CLIENTS);
        });
    }

    /** The stream of {@code seed} read in one go, straight from an instance: ids and messages. */
    private static List<String> uninterrupted(PackagedApp app, long seed) {
        return SseClient.readToEnd(app.uri(STREAM.replace("interval=150ms", "interval=0") + "&seed=" + seed),
                Map.of(), Duration.ofSeconds(10)).stream()
                .map(event -> idAndMessage(new EventSourceClients.Received(event.id(), event.data())))
                .toList();
    }

    private static String idAndMessage(EventSourceClients.Received event) {
        try {
            return event.id() + " " + JSON.readTree(event.data()).get("message").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + event.data(), e);
        }
    }
}
