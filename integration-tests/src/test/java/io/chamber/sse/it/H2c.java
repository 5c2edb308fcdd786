package io.chamber.sse.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;

/**
 * One HTTP/2 request over cleartext with prior knowledge, its frames written and read on a plain socket with
 * Netty's HPACK coder. Unlike Vert.x's, Node's or the JDK's HTTP/2 clients it sends header values as given, CR, LF
 * and NUL included, as a hostile client can.
 */
final class H2c {

    record Response(Http2Headers headers, String body) {

        int status() {
            return Integer.parseInt(headers.status().toString());
        }
    }

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0;
    private static final int HEADERS = 1;
    private static final int RST_STREAM = 3;
    private static final int SETTINGS = 4;
    private static final int GOAWAY = 7;
    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int ACK = 0x1;
    private static final int PADDED = 0x8;
    private static final int PRIORITY = 0x20;

    private H2c() {
    }

    static Response request(int port, String method, String path, Map<String, String> headers) throws IOException {
        Http2Headers request = new DefaultHttp2Headers(false).method(method).scheme("http").path(path)
                .authority("localhost:" + port);
        headers.forEach(request::add);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(PREFACE);
            writeFrame(out, SETTINGS, 0, 0, new byte[0]);
            writeFrame(out, HEADERS, END_STREAM | END_HEADERS, 1, encode(request));
            return read(new DataInputStream(socket.getInputStream()), out);
        }
    }

    private static Response read(DataInputStream in, OutputStream out) throws IOException {
        DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
        Http2Headers headers = null;
        StringBuilder body = new StringBuilder();
        while (true) {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            byte[] payload = in.readNBytes(length);
            switch (type) {
                case SETTINGS -> {
                    if ((flags & ACK) == 0) {
                        writeFrame(out, SETTINGS, ACK, 0, new byte[0]);
                    }
                }
                case HEADERS -> headers = decode(decoder, stream,
                        fragment(payload, flags, (flags & PRIORITY) != 0 ? 5 : 0));
                case DATA -> body.append(new String(fragment(payload, flags, 0), StandardCharsets.UTF_8));
                case RST_STREAM, GOAWAY -> throw new IOException("the server ended the exchange: frame type " + type);
                default -> {
                }
            }
            if (stream == 1 && (type == HEADERS || type == DATA) && (flags & END_STREAM) != 0) {
                return new Response(headers, body.toString());
            }
        }
    }

    /** A frame's payload without its padding and the {@code skip} bytes before the fragment (RFC 9113 §6.1, §6.2). */
    private static byte[] fragment(byte[] payload, int flags, int skip) {
        int padding = (flags & PADDED) != 0 ? payload[0] & 0xff : 0;
        int start = ((flags & PADDED) != 0 ? 1 : 0) + skip;
        return Arrays.copyOfRange(payload, start, payload.length - padding);
    }

    private static byte[] encode(Http2Headers headers) throws IOException {
        ByteBuf block = Unpooled.buffer();
        try {
            new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, true).encodeHeaders(1, headers, block);
            return ByteBufUtil.getBytes(block);
        } catch (Http2Exception e) {
            throw new IOException(e);
        } finally {
            block.release();
        }
    }

    private static Http2Headers decode(DefaultHttp2HeadersDecoder decoder, int stream, byte[] block)
            throws IOException {
        try {
            return decoder.decodeHeaders(stream, Unpooled.wrappedBuffer(block));
        } catch (Http2Exception e) {
            throw new IOException(e);
        }
    }

    private static void writeFrame(OutputStream out, int type, int flags, int stream, byte[] payload)
            throws IOException {
        out.write(new byte[] { (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream });
        out.write(payload);
        out.flush();
    }
}
