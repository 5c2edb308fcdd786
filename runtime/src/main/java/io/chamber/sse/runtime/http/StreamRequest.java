package io.chamber.sse.runtime.http;

import io.chamber.sse.runtime.stream.StreamOptions;

/**
 * A stream request: the stream's options, and how the response delivers it.
 *
 * @param options the stream
 * @param echoRequest the first event (type {@code request}) carries the request as the server saw it
 * @param accelBufferingHeader send {@code X-Accel-Buffering: no}, so nginx passes events straight through
 * @param gzip send the stream {@code Content-Encoding: gzip}, flushed after every frame
 */
public record StreamRequest(StreamOptions options, boolean echoRequest, boolean accelBufferingHeader, boolean gzip) {
}
