package io.chamber.sse.runtime;

/**
 * Where this application serves the Chamber SSE stream, for the application's own code: inject it to link to the
 * stream or hand its location to a client, instead of restating {@code quarkus.chamber.sse.path}, a build-time
 * property that is not visible at run time.
 * <p>
 * A {@code @Singleton} bean that exists only when the endpoint is served: with {@code quarkus.chamber.sse.enabled=false}
 * there is none, and an injection point of this type fails the build as unsatisfied. Code that must work either way
 * injects {@code jakarta.enterprise.inject.Instance<ChamberSseEndpoint>} and asks {@code isResolvable()}.
 *
 * @param path the path clients request the stream at: {@code quarkus.chamber.sse.path} under
 *        {@code quarkus.http.root-path}, starting with {@code /}, e.g. {@code /streaming/sse}, or
 *        {@code /app/streaming/sse} with the root path {@code /app}. The manifest of a stream is at
 *        {@code path + "/expected"}.
 */
public record ChamberSseEndpoint(String path) {
}
