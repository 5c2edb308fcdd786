package io.chamber.sse.runtime;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The raw request parameters of the stream endpoint, as text; {@link StreamOptionsParser} validates them.
 * Absent parameters are {@code null}; unknown ones are ignored.
 */
public class StreamParameters {

    /** Event name of every event; default {@code random}. */
    @RestQuery
    public String event;

    /** Fixed message of every event instead of a random one. */
    @RestQuery
    public String data;

    /** Pause between events: a duration ({@code 250ms}, {@code 2s}, {@code 1.5}) or a range {@code MIN..MAX}. */
    @RestQuery
    public String interval;

    /** End the stream after this many events. */
    @RestQuery
    public String count;

    /** End the response after this long. */
    @RestQuery
    public String duration;

    /** Wait this long before the headers and the first event. */
    @RestQuery
    public String delay;

    /** Reconnection delay in milliseconds, sent first as the {@code retry:} field. */
    @RestQuery
    public String retry;

    /** Send a {@code : heartbeat} comment whenever nothing went out for this long. */
    @RestQuery
    public String heartbeat;

    /** Send a comment of this many bytes first. */
    @RestQuery
    public String padding;

    /** Seed of a deterministic stream. */
    @RestQuery
    public String seed;

    /** End the response cleanly after this many events. */
    @RestQuery("fail_after")
    public String failAfter;

    /** Drop the connection abruptly after this many events. */
    @RestQuery("drop_after")
    public String dropAfter;

    /** Answer with this HTTP status and no stream. */
    @RestQuery
    public String status;

    /** The id of the last event a reconnecting client saw (as EventSource polyfills send it). */
    @RestQuery
    public String lastEventId;

    /** The id of the last event a reconnecting client saw (as EventSource sends it). */
    @RestHeader("Last-Event-ID")
    public String lastEventIdHeader;
}
