package io.chamber.sse.bench;

/**
 * Counts complete Server-Sent Events in a byte stream fed in arbitrary chunks, without building strings.
 * An event is complete when a blank line ends a block that had a {@code data} field; blocks of comments or
 * of {@code id}/{@code event} fields alone dispatch nothing, as in the HTML specification.
 * Lines end with LF, CR or CRLF, even when the CR and the LF arrive in different chunks.
 */
public final class SseEventCounter {

    private static final byte[] DATA_FIELD = { 'd', 'a', 't', 'a' };

    private int lineLength;
    private int dataPrefixMatched;
    private boolean blockHasData;
    private boolean lastWasCarriageReturn;

    /** Feeds the next chunk and answers how many events it completed. */
    public int feed(byte[] bytes, int offset, int length) {
        int completed = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCarriageReturn) {
                lastWasCarriageReturn = false;
                continue;
            }
            lastWasCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                if (endLine()) {
                    completed++;
                }
            } else {
                if (lineLength < DATA_FIELD.length) {
                    if (dataPrefixMatched == lineLength && b == DATA_FIELD[lineLength]) {
                        dataPrefixMatched++;
                    }
                } else if (lineLength == DATA_FIELD.length && b == ':' && dataPrefixMatched == DATA_FIELD.length) {
                    dataPrefixMatched++;
                }
                lineLength++;
            }
        }
        return completed;
    }

    /** Answers whether the line just ended dispatched an event. */
    private boolean endLine() {
        boolean dispatched = false;
        if (lineLength == 0) {
            dispatched = blockHasData;
            blockHasData = false;
        } else if (isDataLine()) {
            blockHasData = true;
        }
        lineLength = 0;
        dataPrefixMatched = 0;
        return dispatched;
    }

    /** The field name is exactly "data": the line is "data" or starts with "data:". */
    private boolean isDataLine() {
        return dataPrefixMatched == DATA_FIELD.length + 1
                || (lineLength == DATA_FIELD.length && dataPrefixMatched == DATA_FIELD.length);
    }
}
