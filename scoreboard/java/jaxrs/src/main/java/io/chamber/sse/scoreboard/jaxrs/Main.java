package io.chamber.sse.scoreboard.jaxrs;

import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;

import io.chamber.sse.scoreboard.harness.Harness;

/**
 * A JAX-RS {@link SseEventSource} with its defaults (it reconnects on its own); which implementation runs, Jersey's
 * or RESTEasy's, is the classpath's choice. The event's id is the id field of its block, so the last event ID is
 * the last one seen.
 */
public final class Main {

    private static volatile String lastEventId = "";

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        SseEventSource source = SseEventSource.target(ClientBuilder.newClient().target(harness.url)).build();
        source.register((InboundSseEvent event) -> {
            if (event.getId() != null) {
                lastEventId = event.getId();
            }
            String data = event.readData();
            harness.event(event.getName() == null ? "message" : event.getName(), data == null ? "" : data,
                    lastEventId);
        }, harness::error, harness::closed);
        source.open();
        harness.open();
        Harness.waitForever();
    }
}
