package io.chamber.sse.runtime.http;

import java.util.Map;

import io.chamber.sse.runtime.stream.StreamFrames;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The most memory one stream may hold at any time, reckoned from its request before it starts: what it reserves
 * from {@code memory-budget}. Each term bounds something the stream, its request or its connection holds; the
 * measured costs they cover are in {@code docs/limits.md}.
 */
final class StreamWeight {

    /**
     * A stream with a small request: its objects and its connection's (5.6 KB of heap measured), what a full queue
     * holds besides its bytes (7.1 KB measured for a fire-hose whose client stopped reading), and some room.
     */
    static final long BASE_BYTES = 12 * 1024;
    /** Each request header, held with the request for the stream's life, beyond its characters. */
    static final long PER_HEADER_BYTES = 128;
    /**
     * What a stream response may have queued in the server before the stream waits for the client to read (Netty's
     * high-water mark, set on every stream response): a client that stops reading leaves this much, and the frame
     * that filled it.
     */
    static final int WRITE_QUEUE_BYTES = 16 * 1024;
    /** Over HTTP/2 a stream's queue is bounded by its flow-control window instead (Vert.x's default: 64 KB). */
    static final int HTTP2_WINDOW_BYTES = 65_535;
    /** An event's bytes besides its message: id, event name line, the payload's fields, the quirks' extra lines. */
    static final long EVENT_OVERHEAD_BYTES = 512;
    /** The most bytes one character of {@code data} takes on the wire: a control character, JSON-escaped. */
    private static final int DATA_BYTES_PER_CHAR = 6;

    private StreamWeight() {
    }

    /** @param echo the echoed request, or {@code null} */
    static long of(StreamRequest stream, HttpServerRequest request, String echo) {
        StreamOptions options = stream.options();
        long requestBytes = request.uri().length();
        for (Map.Entry<String, String> header : request.headers()) {
            requestBytes += PER_HEADER_BYTES + header.getKey().length() + header.getValue().length();
        }
        long event = EVENT_OVERHEAD_BYTES + 3L * options.eventName().length()
                + (options.data() == null ? options.messageMaxLength()
                        : (long) DATA_BYTES_PER_CHAR * options.data().length());
        long echoBytes = echo == null ? 0 : echo.length();
        long largestFrame = options.padding() + 2 * echoBytes + StreamFrames.BATCH_BYTES + event;
        long queue = request.version() == HttpVersion.HTTP_2 ? HTTP2_WINDOW_BYTES : WRITE_QUEUE_BYTES;
        long weight = BASE_BYTES + requestBytes + echoBytes + queue + largestFrame;
        if (options.shape().split() != null) {
            weight += largestFrame; // the frame going out in pieces, a copy
        }
        return weight;
    }
}
