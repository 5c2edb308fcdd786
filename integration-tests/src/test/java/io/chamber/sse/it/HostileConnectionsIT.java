package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP/1.1 connections (issue 14): slowloris, fire-hoses nobody reads, resets at every phase of a request,
 * malformed requests pipelined behind a stream, a flood of pipelined requests behind a stream. After each, every
 * stream the clients opened is closed and counted out, and nothing was logged at WARN or ERROR.
 */
class HostileConnectionsIT extends HostileSuite {

    static final String ENDLESS = "/streaming/sse?interval=1h";
    static final String FIRE_HOSE = "/streaming/sse?interval=0";

    @Test
    @Order(1)
    void slowlorisConnectionsDoNotKeepOthersWaiting() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                slow.add(RawHttp.open(app.port)
                        .send("GET /streaming/sse?count=1&interval=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            }
            for (int round = 0; round < 30; round++) {
                for (RawHttp connection : slow) {
                    connection.send("X-Slow-" + round + ": " + "y".repeat(10) + "\r\n");
                }
                if (round % 10 == 0) {
                    assertThat(app.normalStream().statusCode()).as("a normal stream beside the slow ones")
                            .isEqualTo(200);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // the trickle's pace, not a wait
            }
            for (int i = 0; i < slow.size(); i++) {
                RawHttp connection = slow.get(i);
                if (i % 3 == 0) {
                    RawHttp.Head head = connection.send("\r\n").head(Duration.ofSeconds(10));
                    assertThat(head.status()).as("a slow request, finished at last").isEqualTo(200);
                    connection.close();
                } else if (i % 3 == 1) {
                    connection.reset();
                } else {
                    connection.close();
                }
            }
        } finally {
            slow.forEach(RawHttp::reset);
        }
    }

    @Test
    @Order(2)
    void fireHosesNobodyReadsHoldNoMemoryAndLeaveNoStream() throws Exception {
        long heapBefore = app.heapAfterGc();
        List<RawHttp> hoses = new ArrayList<>();
        try {
            for (String target : List.of(FIRE_HOSE, FIRE_HOSE + "&padding=65536&data=" + "d".repeat(1024),
                    FIRE_HOSE + "&gzip=1", FIRE_HOSE + "&split=byte", FIRE_HOSE + "&echo=request")) {
                for (int i = 0; i < 4; i++) {
                    hoses.add(RawHttp.open(app.port, 4096).send(RawHttp.get(target)));
                }
            }
            assertThat(app.awaitOpenStreams(hoses.size())).as("open fire-hoses").isEqualTo(hoses.size());
            assertThat(app.normalStream().statusCode()).as("a normal stream beside the fire-hoses").isEqualTo(200);
            assertThat(app.liveness()).as("liveness beside the fire-hoses").isEqualTo(200);
            long heapDuring = app.heapAfterGc();
            assertThat(heapDuring).as("heap after GC with %d unread fire-hoses, against %d KB before", hoses.size(),
                    heapBefore >> 10).isLessThanOrEqualTo(heapBefore + (16L << 20));
            for (int i = 0; i < hoses.size(); i++) {
                if (i % 2 == 0) {
                    hoses.get(i).reset();
                } else {
                    hoses.get(i).close();
                }
            }
        } finally {
            hoses.forEach(RawHttp::reset);
        }
    }

    @Test
    @Order(3)
    void resetsAtEveryPhaseLeaveNothingBehind() throws Exception {
        for (int i = 0; i < 20; i++) {
            RawHttp.open(app.port).reset(); // before any byte
            RawHttp.open(app.port).send("GET /streaming/sse?inter").reset(); // mid request line
            RawHttp.open(app.port).send("GET /streaming/sse?interval=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc")
                    .reset(); // mid headers
            RawHttp.open(app.port).send(RawHttp.get(ENDLESS)).reset(); // before the response's head
            RawHttp.open(app.port).send(RawHttp.get("/streaming/sse?delay=5s")).reset(); // in the delay
            try (RawHttp afterHead = RawHttp.open(app.port).send(RawHttp.get(ENDLESS))) {
                afterHead.head(Duration.ofSeconds(10));
                afterHead.reset(); // after the head
            }
            try (RawHttp midStream = RawHttp.open(app.port).send(RawHttp.get(FIRE_HOSE))) {
                RawHttp.Head head = midStream.head(Duration.ofSeconds(10));
                midStream.body(head, 16_384, null, Duration.ofSeconds(2));
                midStream.reset(); // while the server writes
            }
            try (RawHttp midSplit = RawHttp.open(app.port)
                    .send(RawHttp.get("/streaming/sse?interval=0&split=byte"))) {
                midSplit.head(Duration.ofSeconds(10));
                midSplit.reset(); // between the pieces of a split event
            }
            RawHttp.open(app.port).send("GET /streaming/sse?inter").close(); // the same, with FIN
            RawHttp.open(app.port).send(RawHttp.get("/streaming/sse?delay=5s")).close();
        }
    }

    @Test
    @Order(4)
    void malformedRequestsPipelinedBehindAStreamLeaveNoZombie() throws Exception {
        List<String> malformed = List.of("\u0001\u0002 garbage\r\n\r\n",
                "GET /" + "a".repeat(10_240) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "GET /streaming/sse HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");
        for (String stream : List.of(ENDLESS, ENDLESS + "&heartbeat=1ms", FIRE_HOSE)) {
            for (String behind : malformed) {
                for (int i = 0; i < (stream.equals(FIRE_HOSE) ? 2 : 5); i++) {
                    try (RawHttp connection = RawHttp.open(app.port).send(RawHttp.get(stream))) {
                        RawHttp.Head head = connection.head(Duration.ofSeconds(10));
                        assertThat(head.status()).as("status of %s", stream).isEqualTo(200);
                        connection.send(behind);
                    }
                }
            }
        }
    }

    @Test
    @Order(5)
    void aPipelinedFloodBehindAStreamLeavesOtherClientsServed() throws Exception {
        long heapBefore = app.heapAfterGc();
        byte[] batch = RawHttp.get("/streaming/sse?count=1&interval=0").repeat(1_000)
                .getBytes(StandardCharsets.ISO_8859_1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        RawHttp flood = RawHttp.open(app.port).send(RawHttp.get(ENDLESS));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                while (flooding.get() && sent.get() < (256L << 20)) {
                    flood.socket.getOutputStream().write(batch);
                    sent.addAndGet(batch.length);
                }
            } catch (IOException e) {
                // the server closed the connection, or the test reset it: the flood is over either way
            }
        });
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(app.get("/streaming/sse?count=1&interval=0").statusCode())
                        .as("a normal request while one connection floods").isEqualTo(200);
            }
            long heapDuring = app.heapAfterGc();
            System.out.printf("[hostile] pipelined flood: %d MB sent, heap after GC %d KB (%d KB before)%n",
                    sent.get() >> 20, heapDuring >> 10, heapBefore >> 10);
            assertThat(heapDuring).as("heap after GC while %d MB of requests are pipelined behind a stream, against "
                    + "%d KB before", sent.get() >> 20, heapBefore >> 10).isLessThanOrEqualTo(heapBefore + (32L << 20));
        } finally {
            flooding.set(false);
            flood.reset();
            writer.get(30, TimeUnit.SECONDS);
        }
    }
}
