package io.chamber.sse.scoreboard.quarkusrestclient;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.client.SseEvent;

import io.chamber.sse.scoreboard.harness.Harness;
import io.chamber.sse.scoreboard.harness.Resumption;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.rest.client.reactive.Url;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.mutiny.Multi;

/**
 * The Quarkus REST client reading {@code Multi<SseEvent<String>>}. It reads one response and does not reconnect, so
 * this loop does, by the standard's rules: 1 s after a response ends (the client does not tell the retry field),
 * with Last-Event-ID when the last event ID is not empty; it stops when the client fails with a status (a 204 that
 * the client reports as an empty stream is not seen).
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    interface Stream {
        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        Multi<SseEvent<String>> read(@Url String url, @HeaderParam("Last-Event-ID") String lastEventId);
    }

    @Override
    public int run(String... args) throws InterruptedException {
        Harness harness = new Harness(args);
        Resumption resumption = new Resumption(harness);
        Stream stream = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(harness.url)).build(Stream.class);
        while (true) {
            try {
                harness.open();
                stream.read(harness.url, resumption.lastEventId().isEmpty() ? null : resumption.lastEventId())
                        .onItem().invoke(event -> resumption.dispatch(event.name() == null ? "message" : event.name(),
                                event.data() == null ? "" : event.data(), event.id(), null))
                        .collect().last().await().indefinitely();
            } catch (WebApplicationException e) {
                harness.error(e);
                harness.closed();
                break;
            } catch (RuntimeException e) {
                harness.error(e);
            }
            resumption.awaitReconnect();
        }
        Harness.waitForever();
        return 0;
    }
}
