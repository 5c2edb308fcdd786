package io.chamber.sse.scoreboard.springwebclient;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import io.chamber.sse.scoreboard.harness.Harness;
import io.chamber.sse.scoreboard.harness.Resumption;
import reactor.core.publisher.Flux;

/**
 * Spring's WebClient reading {@code Flux<ServerSentEvent<String>>}, each element handed to the application. It reads
 * one response and does not reconnect, so this loop does ({@link Resumption}, with the retry and id WebClient
 * reports); it stops on a status other than 200.
 */
public final class Main {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        Resumption resumption = new Resumption(harness);
        WebClient client = WebClient.create();
        while (true) {
            AtomicInteger status = new AtomicInteger();
            client.get().uri(harness.url).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(headers -> {
                        if (!resumption.lastEventId().isEmpty()) {
                            headers.set("Last-Event-ID", resumption.lastEventId());
                        }
                    })
                    .exchangeToFlux(response -> {
                        status.set(response.statusCode().value());
                        harness.open();
                        return status.get() == 200 ? response.bodyToFlux(EVENTS) : response.releaseBody().thenMany(Flux.empty());
                    })
                    .doOnNext(event -> resumption.dispatch(event.event() == null ? "message" : event.event(),
                            event.data() == null ? "" : event.data(), event.id(),
                            event.retry() == null ? null : event.retry().toMillis()))
                    .onErrorResume(failure -> {
                        harness.error(failure);
                        return Flux.empty();
                    })
                    .blockLast();
            if (status.get() != 200 && status.get() != 0) {
                harness.closed();
                break;
            }
            resumption.awaitReconnect();
        }
        Harness.waitForever();
    }
}
