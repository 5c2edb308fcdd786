package io.chamber.sse.scoreboard.springwebclient;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import io.chamber.sse.scoreboard.harness.Harness;
import reactor.core.publisher.Flux;

/**
 * Spring's WebClient reading {@code Flux<ServerSentEvent<String>>}, each element handed to the application. It reads
 * one response and does not reconnect, so this loop does, by the standard's rules: after the reconnection time (the
 * retry WebClient reports, else 1 s), with Last-Event-ID when the last event ID is not empty; it stops on a status
 * other than 200.
 */
public final class Main {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };
    private static volatile String lastEventId = "";
    private static volatile long reconnectionTime = 1000;

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        WebClient client = WebClient.create();
        while (true) {
            AtomicInteger status = new AtomicInteger();
            client.get().uri(harness.url).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(headers -> {
                        if (!lastEventId.isEmpty()) {
                            headers.set("Last-Event-ID", lastEventId);
                        }
                    })
                    .exchangeToFlux(response -> {
                        status.set(response.statusCode().value());
                        harness.open();
                        return status.get() == 200 ? response.bodyToFlux(EVENTS) : response.releaseBody().thenMany(Flux.empty());
                    })
                    .doOnNext(event -> {
                        if (event.retry() != null) {
                            reconnectionTime = event.retry().toMillis();
                        }
                        if (event.id() != null) {
                            lastEventId = event.id();
                        }
                        harness.event(event.event() == null ? "message" : event.event(),
                                event.data() == null ? "" : event.data(), lastEventId);
                    })
                    .onErrorResume(failure -> {
                        harness.error(failure);
                        return Flux.empty();
                    })
                    .blockLast();
            if (status.get() != 200 && status.get() != 0) {
                harness.closed();
                break;
            }
            Thread.sleep(reconnectionTime);
        }
        Harness.waitForever();
    }
}
