package io.chamber.sse.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The guard in a pipeline shaped like Vert.x's: installed while the stream's request is being handled, as the
 * stream starts, it lets the rest of that request through and nothing after it, and releases what it drops.
 */
class PipeliningGuardTest {

    static final String GET_STREAM = "GET /streaming/sse HTTP/1.1\r\nHost: x\r\n\r\n";
    static final String GET_OTHER = "GET /other HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Stands for Vert.x: records what reaches it, and starts a stream on the first request. */
    final class Server extends ChannelInboundHandlerAdapter {
        final List<Object> received = new ArrayList<>();
        PipeliningGuard guard;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            received.add(message instanceof HttpRequest request ? request.uri() : message);
            if (guard == null && message instanceof HttpRequest) {
                guard = PipeliningGuard.install(context.channel(), false);
            }
            ReferenceCountUtil.release(message);
        }
    }

    final Server server = new Server();
    final EmbeddedChannel channel = new EmbeddedChannel();

    PipeliningGuardTest() {
        channel.pipeline().addLast("httpDecoder", new HttpRequestDecoder()).addLast("handler", server);
    }

    @Test
    void requestsDecodedFromTheSameReadAsTheStreamsAreDropped() {
        channel.writeInbound(bytes(GET_STREAM + GET_OTHER + GET_OTHER));
        assertEquals(2, server.received.size(), "the stream's request and its end: " + server.received);
        assertEquals("/streaming/sse", server.received.get(0));
        assertInstanceOf(LastHttpContent.class, server.received.get(1));
        assertTrue(server.guard.discarded());
    }

    @Test
    void bytesReadLaterAreReleasedUnread() {
        channel.writeInbound(bytes(GET_STREAM));
        ByteBuf later = bytes(GET_OTHER + "\u0001\u0002 garbage\r\n\r\n");
        channel.writeInbound(later);
        assertEquals(2, server.received.size());
        assertEquals(0, later.refCnt(), "released");
        assertTrue(server.guard.discarded());
    }

    @Test
    void aClientThatSentNothingMoreKeepsItsConnectionAsBefore() {
        channel.writeInbound(bytes(GET_STREAM));
        assertFalse(server.guard.discarded());
        server.guard.remove();
        channel.writeInbound(bytes(GET_OTHER));
        assertEquals("/other", server.received.get(2));
        assertEquals(List.of("httpDecoder", "handler"), channel.pipeline().names().subList(0, 2));
    }

    @Test
    void aConnectionWithoutHttp1DecoderIsNotGuarded() {
        assertNull(PipeliningGuard.install(new EmbeddedChannel(), false));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
