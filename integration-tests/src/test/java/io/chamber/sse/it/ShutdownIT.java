package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vertx.core.Future;

/**
 * SIGTERM with 1,000 open streams, and one that the application serves from the generator through its own Quarkus
 * REST endpoint: the application exits well within its shutdown timeout, every client sees its stream end cleanly
 * (so an EventSource would reconnect to another instance), and nothing is logged at WARN or ERROR.
 */
class ShutdownIT {

    static final int STREAMS = 1000;

    @Test
    void sigtermEndsEveryStreamAndTheProcess() throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(), "-Dquarkus.shutdown.timeout=10s",
                "-Dquarkus.chamber.sse.max-streams=" + (STREAMS + 10));
        try (ManyStreams clients = new ManyStreams(app.port)) {
            List<ManyStreams.Stream> streams = new ArrayList<>(clients.open(STREAMS, "/streaming/sse?interval=1s..5s"));
            assertThat(new Metrics(app.uri("/")).openStreams()).isEqualTo(STREAMS);
            streams.addAll(clients.open(1, "/generated?interval=1h"));

            app.process.destroy(); // SIGTERM

            assertThat(app.process.waitFor(8, TimeUnit.SECONDS)).as("exited well within the 10 s timeout").isTrue();
            Future.join(streams.stream().map(stream -> stream.end.future()).toList())
                    .toCompletionStage().toCompletableFuture().handle((ok, failure) -> null).get(10, TimeUnit.SECONDS);
            assertThat(streams).allSatisfy(stream -> assertThat(stream.end.future().succeeded())
                    .as("stream ended cleanly: %s", stream.end.future().cause()).isTrue());
            assertThat(Files.readAllLines(app.log)).noneMatch(line -> line.matches(".*(WARN|ERROR) +\\[.*"));
        } finally {
            app.close();
        }
    }

}
