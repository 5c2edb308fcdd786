package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vertx.core.Future;

/**
 * SIGTERM with 1,000 open streams: the application exits within its shutdown timeout, and every client sees its
 * stream end cleanly (so an EventSource would reconnect to another instance).
 */
class ShutdownIT {

    static final int STREAMS = 1000;

    @Test
    void sigtermEndsEveryStreamAndTheProcess() throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(), "-Dquarkus.shutdown.timeout=10s",
                "-Dquarkus.chamber.sse.max-streams=" + (STREAMS + 10));
        try (ManyStreams clients = new ManyStreams(app.port)) {
            List<ManyStreams.Stream> streams = clients.open(STREAMS, "/streaming/sse?interval=1s..5s");
            assertThat(new Metrics(app.uri("/")).openStreams()).isEqualTo(STREAMS);

            app.process.destroy(); // SIGTERM

            assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).as("exited within the shutdown timeout").isTrue();
            Future.join(streams.stream().map(stream -> stream.end.future()).toList())
                    .toCompletionStage().toCompletableFuture().handle((ok, failure) -> null).get(10, TimeUnit.SECONDS);
            assertThat(streams).allSatisfy(stream -> assertThat(stream.end.future().succeeded())
                    .as("stream ended cleanly: %s", stream.end.future().cause()).isTrue());
        } finally {
            app.close();
        }
    }

}
