package io.chamber.sse.runtime.http;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.vertx.core.buffer.Buffer;

/**
 * Compresses one stream's frames into a single gzip member (RFC 1952), flushing after every frame so no event
 * waits in the compressor. Each frame is compressed on its own, by the {@link Deflater} its event loop lends
 * (reset first), into blocks that end on a byte boundary and refer to nothing before them: one after the other
 * they are one deflate stream. So a stream holds no compressor (zlib's state is about 256 KB outside the heap),
 * only its checksum and length.
 */
final class GzipFraming {

    private static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };
    /** An empty final block: BFINAL set, fixed Huffman codes, end of block (RFC 1951, 3.2.3 and 3.2.6). */
    private static final byte[] LAST_BLOCK = { 0x03, 0x00 };

    private final Deflater deflater;
    private final byte[] chunk;
    private final CRC32 crc = new CRC32();
    private int length;
    private boolean started;

    /** @param deflater the event loop's raw deflater ({@code nowrap}), used between two of this stream's steps only */
    GzipFraming(Deflater deflater, byte[] chunk) {
        this.deflater = deflater;
        this.chunk = chunk;
    }

    /** The frame, compressed and flushed; the gzip header comes with the first one. */
    Buffer encode(byte[] bytes, int offset, int count) {
        Buffer out = header(Buffer.buffer(count / 2 + 64));
        crc.update(bytes, offset, count);
        length += count;
        deflater.reset();
        deflater.setInput(bytes, offset, count);
        int produced;
        do {
            produced = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.appendBytes(chunk, 0, produced);
        } while (produced == chunk.length);
        return out;
    }

    /** The rest of the member: the last block and the trailer (CRC-32 and length of the uncompressed bytes). */
    Buffer finish() {
        return header(Buffer.buffer(64)).appendBytes(LAST_BLOCK).appendIntLE((int) crc.getValue()).appendIntLE(length);
    }

    private Buffer header(Buffer out) {
        if (!started) {
            out.appendBytes(HEADER);
            started = true;
        }
        return out;
    }
}
