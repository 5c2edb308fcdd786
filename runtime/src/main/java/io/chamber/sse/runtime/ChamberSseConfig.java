package io.chamber.sse.runtime;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of the Chamber SSE stream: the defaults a request starts from and the limits that keep
 * one request from costing too much.
 */
@ConfigMapping(prefix = "quarkus.chamber.sse")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ChamberSseConfig {

    /**
     * The event name sent when the request has no {@code event} parameter.
     */
    @WithDefault("random")
    String eventName();

    /**
     * The shortest pause between two events when the request has no {@code interval} parameter.
     */
    @WithDefault("1s")
    Duration intervalMin();

    /**
     * The longest pause between two events when the request has no {@code interval} parameter.
     * Equal to {@code interval-min} for a fixed pace.
     */
    @WithDefault("5s")
    Duration intervalMax();

    /**
     * The shortest random message, in characters.
     */
    @WithDefault("10")
    int messageLengthMin();

    /**
     * The longest random message, in characters.
     */
    @WithDefault("50")
    int messageLengthMax();

    /**
     * How many streams may be open at once; a request beyond it is answered 503 with a {@code Retry-After} header.
     */
    @WithDefault("10000")
    int maxStreams();

    /**
     * The memory the open streams may hold together, heap and direct buffers alike: each stream reserves the most
     * its parameters may make it hold (see "Limits" in the docs: a split, padded or echoing stream more than a plain
     * one) and gives it back when it ends. A request whose stream does not fit in what is left is answered 503 with
     * a {@code Retry-After} header. Not set: half of the JVM's maximum heap ({@code -Xmx}).
     */
    Optional<MemorySize> memoryBudget();

    /**
     * The {@code Retry-After} a request refused by {@code max-streams} or {@code memory-budget} is given.
     */
    @WithDefault("1s")
    Duration retryAfter();

    /**
     * The reconnection delay every open stream is told ({@code retry:}) when the application shuts down, just
     * before the stream ends cleanly: short, so clients resume soon, on another instance, with their
     * {@code Last-Event-ID}.
     */
    @WithDefault("1s")
    Duration shutdownRetry();

    /**
     * The longest {@code event} name a request may set, in characters.
     */
    @WithDefault("64")
    int maxEventLength();

    /**
     * The longest {@code data} text a request may set, in characters. The whole request line must also fit in
     * {@code quarkus.http.limits.max-initial-line-length}.
     */
    @WithDefault("1024")
    int maxDataLength();

    /**
     * The largest {@code padding} a request may ask for, in bytes.
     */
    @WithDefault("65536")
    int maxPadding();

    /**
     * The longest {@code interval} or {@code heartbeat} a request may ask for.
     */
    @WithDefault("1h")
    Duration maxInterval();

    /**
     * The longest {@code delay} a request may ask for.
     */
    @WithDefault("60s")
    Duration maxDelay();

    /**
     * The longest {@code duration} a request may ask for.
     */
    @WithDefault("24h")
    Duration maxDuration();

    /**
     * The longest {@code retry} a request may ask for.
     */
    @WithDefault("1h")
    Duration maxRetry();
}
