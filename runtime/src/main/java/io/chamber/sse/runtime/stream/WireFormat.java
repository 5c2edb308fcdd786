package io.chamber.sse.runtime.stream;

/** Writes the parts of one stream on the wire; one instance per stream, used by its serial steps only. */
interface WireFormat {

    /** The seed format for a stream without quirks, the quirky one otherwise. */
    static WireFormat of(StreamOptions options) {
        return options.shape().isPlainFormat() ? new SseWireFormat(options) : new QuirkyWireFormat(options);
    }

    /** What goes first, with the first event: the byte order mark, the padding comment, the {@code retry} field. */
    void appendPrelude(Frame out);

    /**
     * Appends one event of the sequence: the id of {@code idSequence} (none when negative), the stream's event
     * name, and the payload with the message {@code random} is positioned at.
     *
     * @param sentMicros the wall-clock time to stamp into the payload, microseconds since the epoch; negative = none
     */
    void appendEvent(Frame out, long idSequence, EventRandomness random, long elapsedMicros, long sentMicros);

    /** Appends an event of its own type and data (one line), without an id. */
    void appendEvent(Frame out, String type, String data);

    void appendHeartbeat(Frame out);

    /** What goes last, before the response ends; {@code nextIdSequence} is the sequence the stream would go on at. */
    void appendEnd(Frame out, long nextIdSequence);
}
