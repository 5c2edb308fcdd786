package io.chamber.sse.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Keeps an HTTP/1.x connection from queueing requests behind its stream. Vert.x decodes and queues every request a
 * client pipelines behind a response until that response ends, which for an endless stream means without limit.
 * While the stream lives, this reads and releases what the client sends (so a close or a reset is still seen, as it
 * would not be with reads paused), and drops the requests the decoder had already taken from the same read as the
 * stream's own. If anything was discarded, the connection must be closed once the stream's response has ended: the
 * pipelined requests got no answer, and the close tells the client. Used on the connection's event loop only.
 */
final class PipeliningGuard {

    /** Vert.x's name of the HTTP/1.x request decoder in the connection's pipeline. */
    private static final String DECODER = "httpDecoder";

    private final ChannelPipeline pipeline;
    private final ChannelHandler bytes = new DiscardBytes();
    private final ChannelHandler requests;
    private boolean discarded;

    private PipeliningGuard(ChannelPipeline pipeline, boolean requestEnded) {
        this.pipeline = pipeline;
        this.requests = new DropRequests(requestEnded);
    }

    /**
     * Starts guarding {@code channel}, whose request being answered is the stream's.
     *
     * @param requestEnded whether that request has been read to its end already (else its rest still passes)
     * @return the guard, or {@code null} when the channel decodes no HTTP/1.x (HTTP/2)
     */
    static PipeliningGuard install(Channel channel, boolean requestEnded) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(DECODER) == null) {
            return null;
        }
        PipeliningGuard guard = new PipeliningGuard(pipeline, requestEnded);
        pipeline.addBefore(DECODER, null, guard.bytes);
        pipeline.addAfter(DECODER, null, guard.requests);
        return guard;
    }

    /** The stream is over: the connection is read as before. */
    void remove() {
        removeIfThere(bytes);
        removeIfThere(requests);
    }

    /** Whether the client sent anything after the stream's request, which got no answer. */
    boolean discarded() {
        return discarded;
    }

    private void removeIfThere(ChannelHandler handler) {
        if (pipeline.context(handler) != null) {
            pipeline.remove(handler);
        }
    }

    /** Before the decoder: whatever the client sends. */
    private final class DiscardBytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof ByteBuf bytes) {
                discarded |= bytes.isReadable();
                bytes.release();
            } else {
                context.fireChannelRead(message);
            }
        }
    }

    /** After the decoder: lets the rest of the stream's own request pass, drops whatever it decoded after it. */
    private final class DropRequests extends ChannelInboundHandlerAdapter {
        private boolean requestEnded;

        DropRequests(boolean requestEnded) {
            this.requestEnded = requestEnded;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!requestEnded && message instanceof HttpContent) {
                requestEnded = message instanceof LastHttpContent;
                context.fireChannelRead(message);
            } else {
                discarded = true;
                ReferenceCountUtil.release(message);
            }
        }
    }
}
