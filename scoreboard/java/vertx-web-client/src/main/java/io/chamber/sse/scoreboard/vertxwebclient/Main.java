package io.chamber.sse.scoreboard.vertxwebclient;

import java.util.concurrent.ExecutionException;

import io.chamber.sse.scoreboard.harness.Harness;
import io.chamber.sse.scoreboard.harness.Resumption;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;

/**
 * The Vert.x Web Client reading the body through {@code BodyCodec.sseStream}, each {@code SseEvent} handed to the
 * application. It reads one response and does not reconnect, so this loop does ({@link Resumption}, with the retry
 * and id the codec reports); it stops on a status other than 200.
 */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        Resumption resumption = new Resumption(harness);
        WebClient client = WebClient.create(Vertx.vertx());
        while (true) {
            HttpRequest<Void> request = client.getAbs(harness.url).putHeader("Accept", "text/event-stream")
                    .as(BodyCodec.sseStream(events -> {
                        harness.open();
                        events.exceptionHandler(harness::error);
                        events.handler(event -> resumption.dispatch(event.event(), event.data(), event.id(),
                                event.retry() > 0 ? Long.valueOf(event.retry()) : null));
                    }));
            if (!resumption.lastEventId().isEmpty()) {
                request.putHeader("Last-Event-ID", resumption.lastEventId());
            }
            int status = 0;
            try {
                status = request.send().toCompletionStage().toCompletableFuture().get().statusCode();
            } catch (ExecutionException e) {
                harness.error(e.getCause());
            }
            if (status != 200 && status != 0) {
                harness.closed();
                break;
            }
            resumption.awaitReconnect();
        }
        Harness.waitForever();
    }
}
