package io.chamber.sse.runtime.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Refused stream requests, answered with an RFC 9457 problem body ({@code application/problem+json}). */
final class Problems {

    private Problems() {
    }

    static void invalidParameter(HttpServerResponse response, InvalidParameterException e) {
        Map<String, Object> problem = problem("urn:chamber-sse:invalid-parameter", "Invalid request parameter", 400,
                e.getMessage());
        problem.put("parameter", e.parameter());
        problem.put("accepted", e.accepted());
        send(response, problem);
    }

    static void tooManyStreams(HttpServerResponse response, int maxStreams, Duration retryAfter) {
        retryAfter(response, retryAfter);
        send(response, problem("urn:chamber-sse:too-many-streams", "Too many open streams", 503,
                maxStreams + (maxStreams == 1 ? " stream is open" : " streams are open")
                        + ", the most this server allows"));
    }

    static void memoryShort(HttpServerResponse response, long weight, long budget, Duration retryAfter) {
        retryAfter(response, retryAfter);
        send(response, problem("urn:chamber-sse:memory-short", "Not enough memory for this stream", 503,
                "This stream may hold up to " + weight + " bytes, more than is left of the " + budget
                        + " bytes the open streams may hold (quarkus.chamber.sse.memory-budget)"));
    }

    static void methodNotAllowed(HttpServerResponse response, String method, String allowed) {
        response.putHeader("Allow", allowed);
        send(response, problem("urn:chamber-sse:method-not-allowed", "Method not allowed", 405,
                "This endpoint answers " + allowed + ", not " + method));
    }

    private static void retryAfter(HttpServerResponse response, Duration retryAfter) {
        response.putHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static void send(HttpServerResponse response, Map<String, Object> problem) {
        response.setStatusCode((Integer) problem.get("status"))
                .putHeader("Content-Type", "application/problem+json")
                .end(Buffer.buffer(Json.bytes(problem)));
    }
}
