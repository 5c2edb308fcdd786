package io.chamber.sse.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The failure handler of the endpoint's routes. Vert.x Web fails a request without a valid {@code Host} (HTTP/1.1)
 * or {@code :authority} (HTTP/2) with 400 before any route sees it, and Quarkus's error handler would log that as an
 * ERROR with a stack trace; here it is answered like any other bad input, a problem naming the header, and logged
 * nowhere. Every other failure goes on to the application's failure handlers.
 */
public final class InvalidHostHandler implements Handler<RoutingContext> {

    private static final String ACCEPTED = "host[:port] (RFC 9110 §7.2)";

    @Override
    public void handle(RoutingContext context) {
        if (context.statusCode() != 400 || context.response().headWritten()
                || ((HttpServerRequestInternal) context.request()).isValidAuthority()) {
            context.next();
            return;
        }
        String header = context.request().version() == HttpVersion.HTTP_2 ? ":authority" : "Host";
        Problems.invalidParameter(context.response(), new InvalidParameterException(header,
                "is missing or not a valid host", ACCEPTED));
    }
}
