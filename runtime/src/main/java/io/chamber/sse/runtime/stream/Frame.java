package io.chamber.sse.runtime.stream;

import java.util.Arrays;

/**
 * The bytes of one write to a client: a growable byte array that the wire format fills and the HTTP side copies
 * out. One frame is reused for every write made from one thread, so writing allocates nothing per event.
 */
public final class Frame {

    private byte[] bytes;
    private int length;

    public Frame(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public Frame clear() {
        length = 0;
        return this;
    }

    public Frame append(byte[] source) {
        return append(source, 0, source.length);
    }

    public Frame append(byte[] source, int offset, int count) {
        int at = reserve(count);
        System.arraycopy(source, offset, bytes, at, count);
        return this;
    }

    public Frame append(byte value) {
        int at = reserve(1);
        bytes[at] = value;
        return this;
    }

    /** Makes room for {@code count} more bytes and returns where they start; the caller fills them. */
    int reserve(int count) {
        int at = length;
        if (at + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(at + count, bytes.length * 2));
        }
        length = at + count;
        return at;
    }

    /** Gives back the last {@code count} reserved bytes. */
    void shrink(int count) {
        length -= count;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
