package io.chamber.sse.runtime.http;

/**
 * Every request parameter the stream endpoint reads, by the name a client sends, in the order the docs and the viewers'
 * forms list them. Unknown parameters are ignored. What each accepts and does: {@link ParameterCatalog}.
 */
public enum StreamParameter {

    INTERVAL("interval"),
    COUNT("count"),
    DURATION("duration"),
    DELAY("delay"),
    EVENT("event"),
    DATA("data"),
    SEED("seed"),
    RETRY("retry"),
    RETRY_IN("retry_in"),
    HEARTBEAT("heartbeat"),
    PADDING("padding"),
    FAIL_AFTER("fail_after"),
    DROP_AFTER("drop_after"),
    STATUS("status"),
    QUIRK("quirk"),
    SPLIT("split"),
    ID_FAULT("id_fault"),
    ID_FAULT_EVERY("id_fault_every"),
    ECHO("echo"),
    STAMP("stamp"),
    GZIP("gzip"),
    ACCEL_BUFFERING("accel_buffering"),
    /** The id of the last event a reconnecting client saw, as EventSource polyfills send it. */
    LAST_EVENT_ID("lastEventId"),
    /** The id of the last event a reconnecting client saw, as EventSource sends it. */
    LAST_EVENT_ID_HEADER("Last-Event-ID", true),
    /** The content codings the client accepts; {@code gzip=auto} compresses only when it accepts gzip. */
    ACCEPT_ENCODING_HEADER("Accept-Encoding", true);

    private final String wireName;
    private final boolean header;

    StreamParameter(String wireName) {
        this(wireName, false);
    }

    StreamParameter(String wireName, boolean header) {
        this.wireName = wireName;
        this.header = header;
    }

    /** The query parameter's or header's name. */
    public String wireName() {
        return wireName;
    }

    /** True for a request header, false for a query parameter. */
    public boolean isHeader() {
        return header;
    }
}
