package io.chamber.sse.runtime.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.stream.StreamFrames;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The stream endpoint as a Vert.x route: parses the request's options once, answers refusals and plain statuses,
 * and hands a stream to its connection's event loop. Nothing of it runs per event.
 */
public final class StreamRouteHandler implements Handler<RoutingContext> {

    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence CONNECTION = HttpHeaders.createOptimized("Connection");
    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence KEEP_ALIVE = HttpHeaders.createOptimized("keep-alive");
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");

    private final StreamOptionsParser parser;
    private final OpenStreams openStreams;
    private final ChamberSseConfig config;
    private final Map<EventExecutor, TimerWheel> wheels = new ConcurrentHashMap<>();

    public StreamRouteHandler(ChamberSseConfig config, OpenStreams openStreams) {
        this.parser = new StreamOptionsParser(config);
        this.openStreams = openStreams;
        this.config = config;
    }

    @Override
    public void handle(RoutingContext context) {
        long requestStartNanos = System.nanoTime();
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.putHeader(ALLOW_ORIGIN, ANY);
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            preflight(request, response);
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            Problems.methodNotAllowed(response, method.name(), ALLOWED_METHODS);
            return;
        }
        StreamOptions options;
        try {
            options = parser.parse(parameter -> parameter.isHeader() ? request.getHeader(parameter.wireName())
                    : request.getParam(parameter.wireName()));
        } catch (InvalidParameterException e) {
            Problems.invalidParameter(response, e);
            return;
        } catch (IllegalArgumentException e) {
            Problems.invalidParameter(response, new InvalidParameterException("query", "cannot be decoded: "
                    + e.getMessage(), "name=value pairs joined by & in percent-encoding (RFC 3986)"));
            return;
        }
        if (options.status() != 0 || options.exhausted()) {
            response.setStatusCode(options.exhausted() ? 204 : options.status()).end();
            return;
        }
        if (method == HttpMethod.HEAD) {
            streamHeaders(request, response).end();
            return;
        }
        if (!openStreams.tryReserve()) {
            Problems.tooManyStreams(response, config.maxStreams(), config.retryAfter());
            return;
        }
        EventExecutor loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
        new LiveStream(new StreamFrames(options, requestStartNanos), streamHeaders(request, response),
                wheels.computeIfAbsent(loop, TimerWheel::new), openStreams).start();
    }

    private static HttpServerResponse streamHeaders(HttpServerRequest request, HttpServerResponse response) {
        MultiMap headers = response.setChunked(true).headers();
        headers.set(CONTENT_TYPE, EVENT_STREAM).set(CACHE_CONTROL, NO_CACHE);
        if (request.version() == HttpVersion.HTTP_1_1) {
            headers.set(CONNECTION, KEEP_ALIVE);
        }
        return response;
    }

    /** Lets browsers send any header cross-origin, {@code Last-Event-ID} above all. */
    private static void preflight(HttpServerRequest request, HttpServerResponse response) {
        String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
        response.setStatusCode(204)
                .putHeader("Allow", ALLOWED_METHODS)
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Allow-Headers", requestedHeaders == null ? "Last-Event-ID" : requestedHeaders)
                .putHeader("Access-Control-Max-Age", "86400")
                .end();
    }
}
