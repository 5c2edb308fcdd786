package io.chamber.sse.runtime.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.stream.FrameCuts;
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
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The stream endpoint as a Vert.x route: parses the request's options once, answers refusals and plain statuses,
 * and hands a stream to its connection's event loop. Nothing of it runs per event.
 */
public final class StreamRouteHandler implements Handler<RoutingContext> {

    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    static final CharSequence ANY = HttpHeaders.createOptimized("*");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence CONNECTION = HttpHeaders.createOptimized("Connection");
    private static final CharSequence ACCEL_BUFFERING = HttpHeaders.createOptimized("X-Accel-Buffering");
    private static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
    private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence KEEP_ALIVE = HttpHeaders.createOptimized("keep-alive");
    private static final CharSequence NO = HttpHeaders.createOptimized("no");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

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
        StreamRequest stream = accept(request, response, parser);
        if (stream == null) {
            return;
        }
        StreamOptions options = stream.options();
        if (options.status() != 0 || options.exhausted()) {
            response.setStatusCode(options.exhausted() ? 204 : options.status()).end();
            return;
        }
        if (request.method() == HttpMethod.HEAD) {
            streamHeaders(request, response, stream).end();
            return;
        }
        String echo = stream.echoRequest() ? echo(request) : null;
        long weight = StreamWeight.of(stream, request, echo);
        switch (openStreams.tryReserve(weight)) {
            case TOO_MANY_STREAMS -> {
                Problems.tooManyStreams(response, config.maxStreams(), config.retryAfter());
                return;
            }
            case MEMORY_SHORT -> {
                Problems.memoryShort(response, weight, openStreams.memoryBudget(), config.retryAfter());
                return;
            }
            case ADMITTED -> {
                // served below
            }
        }
        StreamFrames frames = new StreamFrames(options, requestStartNanos);
        if (echo != null) {
            frames.withFirstEvent("request", echo);
        }
        EventExecutor loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
        TimerWheel wheel = wheels.computeIfAbsent(loop, TimerWheel::new);
        new LiveStream(frames, streamHeaders(request, response, stream), wheel, openStreams, weight,
                options.shape().split() == null ? null : new FrameCuts(options.shape().split(), options.seed()),
                stream.gzip() ? wheel.gzipFraming() : null).start();
    }

    /**
     * The request's stream, or {@code null} when the request has been answered already: a CORS preflight, a method
     * other than GET and HEAD, or parameters that cannot be used.
     */
    static StreamRequest accept(HttpServerRequest request, HttpServerResponse response, StreamOptionsParser parser) {
        response.putHeader(ALLOW_ORIGIN, ANY);
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            preflight(request, response);
            return null;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            Problems.methodNotAllowed(response, method.name(), ALLOWED_METHODS);
            return null;
        }
        try {
            return parser.parseRequest(parameter -> parameter.isHeader() ? request.getHeader(parameter.wireName())
                    : request.getParam(parameter.wireName()));
        } catch (InvalidParameterException e) {
            Problems.invalidParameter(response, e);
        } catch (IllegalArgumentException e) {
            Problems.invalidParameter(response, new InvalidParameterException("query", "cannot be decoded: "
                    + e.getMessage(), "name=value pairs joined by & in percent-encoding (RFC 3986)"));
        }
        return null;
    }

    private static HttpServerResponse streamHeaders(HttpServerRequest request, HttpServerResponse response,
            StreamRequest stream) {
        MultiMap headers = response.setChunked(true).setWriteQueueMaxSize(StreamWeight.WRITE_QUEUE_BYTES).headers();
        headers.set(CONTENT_TYPE, EVENT_STREAM).set(CACHE_CONTROL, NO_CACHE);
        if (request.version() == HttpVersion.HTTP_1_1 && !headers.contains(CONNECTION)) {
            headers.set(CONNECTION, KEEP_ALIVE); // unless Quarkus's graceful shutdown has set "close"
        }
        if (stream.accelBufferingHeader()) {
            headers.set(ACCEL_BUFFERING, NO);
        }
        if (stream.gzip()) {
            headers.set(CONTENT_ENCODING, GZIP);
        }
        return response;
    }

    /** The request as this server saw it, as one line of JSON: what a proxy in between changed shows here. */
    private static String echo(HttpServerRequest request) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("httpVersion", switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        });
        seen.put("method", request.method().name());
        seen.put("target", request.uri());
        List<List<String>> headers = new ArrayList<>();
        request.headers().forEach(header -> headers.add(List.of(header.getKey(), header.getValue())));
        seen.put("headers", headers);
        SocketAddress peer = request.connection().remoteAddress();
        String host = peer.hostAddress();
        seen.put("remoteAddress", (host.contains(":") ? "[" + host + "]" : host) + ":" + peer.port());
        return Json.text(seen);
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
