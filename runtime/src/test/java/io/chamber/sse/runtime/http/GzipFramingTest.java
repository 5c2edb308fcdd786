package io.chamber.sse.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

/** Two streams that take turns with one compressor each read back, with a standard gzip reader, as what they wrote. */
class GzipFramingTest {

    @Test
    void streamsSharingACompressorAreEachOneValidGzipMember() throws IOException {
        Deflater shared = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] chunk = new byte[64];
        GzipFraming first = new GzipFraming(shared, chunk);
        GzipFraming second = new GzipFraming(shared, chunk);
        Buffer firstBody = Buffer.buffer();
        Buffer secondBody = Buffer.buffer();
        StringBuilder firstText = new StringBuilder();
        StringBuilder secondText = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String a = "id: " + i + "\ndata: {\"message\": \"" + "abc".repeat(i) + "\"}\n\n";
            String b = ": heartbeat " + i + "\n\n" + "é€😀".repeat(i % 7);
            firstBody.appendBuffer(first.encode(bytes(a), 0, a.getBytes(StandardCharsets.UTF_8).length));
            secondBody.appendBuffer(second.encode(bytes("x" + b), 1, bytes(b).length));
            firstText.append(a);
            secondText.append(b);
        }
        firstBody.appendBuffer(first.finish());
        secondBody.appendBuffer(second.finish());
        shared.end();
        assertEquals(firstText.toString(), gunzip(firstBody));
        assertEquals(secondText.toString(), gunzip(secondBody));
        assertEquals("", gunzip(new GzipFraming(new Deflater(Deflater.DEFAULT_COMPRESSION, true), chunk).finish()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String gunzip(Buffer body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
