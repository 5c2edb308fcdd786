package io.chamber.sse.runtime.http;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.vertx.core.buffer.Buffer;

/**
 * Compresses one stream's frames into a single gzip member (RFC 1952), flushing after every frame so no event
 * waits in the compressor. Holds native memory until {@link #close()}.
 */
final class GzipFraming {

    private static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[4096];
    private boolean started;

    /** The frame, compressed and flushed; the gzip header comes with the first one. */
    Buffer encode(byte[] bytes, int offset, int length) {
        Buffer out = Buffer.buffer(length / 2 + 64);
        if (!started) {
            out.appendBytes(HEADER);
            started = true;
        }
        crc.update(bytes, offset, length);
        deflater.setInput(bytes, offset, length);
        int produced;
        do {
            produced = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.appendBytes(chunk, 0, produced);
        } while (produced == chunk.length);
        return out;
    }

    /** The rest of the member: the compressor's end and the trailer (CRC-32 and length of the uncompressed bytes). */
    Buffer finish() {
        Buffer out = started ? Buffer.buffer(64) : Buffer.buffer(64).appendBytes(HEADER);
        deflater.finish();
        while (!deflater.finished()) {
            out.appendBytes(chunk, 0, deflater.deflate(chunk));
        }
        out.appendIntLE((int) crc.getValue()).appendIntLE((int) deflater.getBytesRead());
        return out;
    }

    void close() {
        deflater.end();
    }
}
