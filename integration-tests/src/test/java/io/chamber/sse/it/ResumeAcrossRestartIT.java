package io.chamber.sse.it;

import static io.chamber.sse.it.StreamControlsTest.ids;
import static io.chamber.sse.it.StreamControlsTest.messages;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Resuming needs no server memory: a stream read from one run of the packaged application continues, with the
 * same ids and messages, on the next run after a restart.
 */
class ResumeAcrossRestartIT {

    @Test
    void aRestartedServerResumesTheStream() throws Exception {
        int port = PackagedApp.freePort();
        List<SseClient.Event> before;
        try (PackagedApp first = PackagedApp.start(port)) {
            before = read(first, "seed=1234&interval=0&count=8", Map.of());
        }
        try (PackagedApp second = PackagedApp.start(port)) {
            List<SseClient.Event> after = read(second, "interval=0&count=8", Map.of("Last-Event-ID", before.get(2).id()));
            assertThat(ids(after)).isEqualTo(ids(before.subList(3, 8)));
            assertThat(messages(after)).isEqualTo(messages(before.subList(3, 8)));
        }
    }

    private static List<SseClient.Event> read(PackagedApp app, String query, Map<String, String> headers) {
        return SseClient.readToEnd(app.uri("/streaming/sse?" + query), headers, WAIT);
    }
}
