package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Clients that open a stream, pipeline something malformed behind it on the same connection, and leave. Whatever
 * the HTTP layer makes of those bytes, every stream stops with its connection: the open count goes back to 0, a
 * fire-hose stops writing, and nothing is logged at WARN or ERROR.
 */
@QuarkusTest
class MalformedPipeliningTest extends QuietStreamsTest {

    static final int CLIENTS = 30;

    static Stream<Arguments> junk() {
        Stream<Arguments> junk = Stream.of(
                Arguments.of("control bytes", "\u0001\u0002 garbage\r\n\r\n", false),
                Arguments.of("a 10 KB request line", "GET /" + "a".repeat(10 * 1024) + " HTTP/1.1\r\n\r\n", false),
                Arguments.of("a header line without a colon", "GET / HTTP/1.1\r\nHost: localhost\r\nno colon\r\n\r\n",
                        false),
                Arguments.of("a request whose body never comes",
                        "POST /streaming/sse HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nten bytes.", false),
                Arguments.of("control bytes in the same packet as the GET", "\u0001\u0002 garbage\r\n\r\n", true));
        return junk.flatMap(arguments -> Stream.of("interval=1h", "interval=0")
                .map(query -> Arguments.of(arguments.get()[0], arguments.get()[1], arguments.get()[2], query)));
    }

    @ParameterizedTest(name = "{0} behind {3}")
    @MethodSource("junk")
    void theStreamsStopWithTheirConnections(String what, String junk, boolean samePacket, String query) {
        String get = "GET /streaming/sse?" + query + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        for (int i = 0; i < CLIENTS; i++) {
            try (RawConnection client = new RawConnection(base.getPort())) {
                if (samePacket) {
                    client.send(get + junk).readUntil("data:");
                } else {
                    client.send(get).readUntil("data:").send(junk);
                }
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
        long eventsSent = openStreams.eventsSent();
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> openStreams.eventsSent() == eventsSent);
        assertThat(warnings.records()).as("WARN and ERROR lines after %s behind %s", what, query).isEmpty();
    }

    /**
     * The stream's request waits in Vert.x's queue behind a health check (answered from a worker thread), with a
     * malformed request behind it: Vert.x's close path then fails before it tells the stream, in Vert.x's own
     * code (logged by Netty at WARN, which this test does not look at), and the stream ends all the same.
     */
    @Test
    void aStreamQueuedAheadOfAMalformedRequestStopsWithItsConnection() {
        for (int i = 0; i < CLIENTS; i++) {
            try (RawConnection client = new RawConnection(base.getPort())) {
                client.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n" + RawConnection.STREAM_1H
                        + "\u0001\u0002 garbage\r\n\r\n").readUntil("data:");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
    }
}
