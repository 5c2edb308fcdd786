package io.chamber.sse.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Opens N concurrent SSE streams against one URL on a single Vert.x event loop, ramping them in over
 * {@code --ramp}, then measures for {@code --duration} and reports as a table and as JSON.
 */
public final class LoadClient {

    private static final long RAMP_TICK_MS = 10;
    private static final long SHUTDOWN_GRACE_SECONDS = 60;
    private static final long WARM_UP_TIMEOUT_SECONDS = 15;
    private static final int CLIENT_WARM_UP_STREAMS = 6000;

    private final LoadOptions options;
    private final LoadRecorder recorder;
    private final ProcessSampler server;
    private final ProcessSampler self = ProcessSampler.self();
    private final Vertx vertx;
    private final HttpClient http;
    private final CompletableFuture<LoadResult> finished = new CompletableFuture<>();

    // event-loop state
    private byte[] scratch = new byte[64 * 1024];
    private int requested;
    private boolean closing;
    private long windowStartNanos;
    private ProcessSampler.Sample serverAtWindowStart;
    private double clientCpuAtWindowStart;
    private double otherProcessesAtWindowStart;

    private final String startedAt = Instant.now().toString();
    private final double loadAverageAtStart = ProcessSampler.loadAverage();
    private final double clientCpuAtStart;
    private ProcessSampler.Sample serverBeforeStreams;

    LoadClient(LoadOptions options) {
        this.options = options;
        this.recorder = new LoadRecorder(options.streams(), options.intervalMs() * 1_000_000);
        this.server = new ProcessSampler(options.serverPids());
        this.clientCpuAtStart = self.sample().cpuSeconds();
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        this.http = vertx.createHttpClient(clientOptions(),
                new PoolOptions().setHttp1MaxSize(options.streams()).setMaxWaitQueueSize(-1));
    }

    private HttpClientOptions clientOptions() {
        return new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setMaxPoolSize(options.streams())
                .setConnectTimeout(10_000)
                .setTcpNoDelay(true);
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LoadResult result;
        try {
            result = new LoadClient(options).run();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("load run against " + options.url() + " failed: " + (e.getCause() == null ? e : e.getCause()));
            System.exit(1);
            return;
        }
        System.out.print(ResultTable.render(result));
        if (options.json() != null) {
            if (options.json().toAbsolutePath().getParent() != null) {
                Files.createDirectories(options.json().toAbsolutePath().getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(), result);
        }
        System.exit(0);
    }

    LoadResult run() throws Exception {
        long timeoutSeconds = options.ramp().toSeconds() + options.duration().toSeconds() + SHUTDOWN_GRACE_SECONDS;
        try {
            if (options.streams() > 1) {
                ClientWarmUp.run(vertx, clientOptions(), CLIENT_WARM_UP_STREAMS);
            }
            warmUp();
            serverBeforeStreams = server.isEmpty() ? null : server.sample();
            vertx.runOnContext(v -> startRamp());
            return finished.get(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            http.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads one event on a throw-away stream from the measured server, so the first connection on both sides does
     * not count in the measured streams' time to first event.
     */
    private void warmUp() throws Exception {
        CompletableFuture<Void> firstEvent = new CompletableFuture<>();
        SseEventCounter counter = new SseEventCounter();
        http.request(streamRequest())
                .compose(req -> req.send())
                .onSuccess(response -> {
                    if (response.statusCode() != 200) {
                        firstEvent.completeExceptionally(new IllegalStateException("warm-up got HTTP " + response.statusCode()));
                        return;
                    }
                    response.exceptionHandler(ignoredAfterClose -> {
                    });
                    response.handler(chunk -> {
                        byte[] bytes = chunk.getBytes();
                        if (!firstEvent.isDone() && counter.feed(bytes, 0, bytes.length) > 0) {
                            firstEvent.complete(null);
                            response.request().connection().close();
                        }
                    });
                })
                .onFailure(firstEvent::completeExceptionally);
        firstEvent.get(WARM_UP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private RequestOptions streamRequest() {
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(options.url().toString())
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream");
    }

    private void startRamp() {
        long rampStartNanos = System.nanoTime();
        openDueStreams(rampStartNanos);
        if (requested == options.streams()) {
            startWindow();
            return;
        }
        vertx.setPeriodic(RAMP_TICK_MS, timer -> {
            openDueStreams(rampStartNanos);
            if (requested == options.streams()) {
                vertx.cancelTimer(timer);
                startWindow();
            }
        });
    }

    /** Opens as many streams as the ramp's straight line says should have been asked for by now. */
    private void openDueStreams(long rampStartNanos) {
        long rampNanos = options.ramp().toNanos();
        int due = options.streams();
        if (rampNanos > 0) {
            double fraction = (double) (System.nanoTime() - rampStartNanos) / rampNanos;
            due = (int) Math.max(1, Math.min(options.streams(), Math.ceil(options.streams() * fraction)));
        }
        while (requested < due) {
            openStream();
            requested++;
        }
    }

    private void openStream() {
        StreamProbe stream = new StreamProbe(System.nanoTime());
        http.request(streamRequest())
                .compose(req -> req.send())
                .onSuccess(response -> onResponse(stream, response))
                .onFailure(error -> {
                    if (!closing) {
                        recorder.onConnectFailure();
                    }
                });
    }

    private void onResponse(StreamProbe stream, HttpClientResponse response) {
        if (response.statusCode() != 200) {
            recorder.onNon200();
            response.request().connection().close();
            return;
        }
        recorder.onOpened();
        response.handler(chunk -> onChunk(stream, chunk));
        response.endHandler(v -> onStreamEnded(stream));
        response.exceptionHandler(error -> onStreamEnded(stream));
    }

    private void onChunk(StreamProbe stream, Buffer chunk) {
        int length = chunk.length();
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        chunk.getBytes(0, length, scratch, 0);
        int events = stream.counter.feed(scratch, 0, length);
        if (events > 0) {
            recorder.onEvents(stream, events, System.nanoTime());
        }
    }

    private void onStreamEnded(StreamProbe stream) {
        if (!closing) {
            recorder.onPrematureClose(stream);
        }
    }

    private void startWindow() {
        serverAtWindowStart = server.isEmpty() ? null : server.sample();
        clientCpuAtWindowStart = self.sample().cpuSeconds();
        otherProcessesAtWindowStart = ProcessSampler.otherProcessesSeconds(measuredPids());
        windowStartNanos = System.nanoTime();
        recorder.startWindow();
        vertx.setTimer(options.duration().toMillis(), timer -> endWindow());
    }

    private void endWindow() {
        recorder.endWindow();
        double windowSeconds = (System.nanoTime() - windowStartNanos) / 1e9;
        ProcessSampler.Sample serverAtEnd = server.isEmpty() ? null : server.sample();
        double clientCpu = self.sample().cpuSeconds() - clientCpuAtWindowStart;
        double otherProcesses = ProcessSampler.otherProcessesSeconds(measuredPids()) - otherProcessesAtWindowStart;
        closing = true;
        try {
            finished.complete(result(windowSeconds, serverAtEnd, clientCpu, otherProcesses));
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    /** The server's processes and this one. */
    private List<Long> measuredPids() {
        List<Long> pids = new ArrayList<>(server.pids());
        pids.add(ProcessHandle.current().pid());
        return pids;
    }

    private LoadResult result(double windowSeconds, ProcessSampler.Sample serverAtEnd, double clientCpuInWindow,
            double otherProcessesInWindow) {
        LongSamples ttfe = recorder.timeToFirstEventMicros;
        LongSamples lateness = recorder.latenessMicros;
        boolean hasLateness = options.measuresLateness() && !lateness.isEmpty();
        int openAtEnd = recorder.openNow();
        Double rssPerStream = null;
        Double cpuSeconds = null;
        Double userSeconds = null;
        Double systemSeconds = null;
        Double cpuPerEvent = null;
        Double userPerEvent = null;
        Double systemPerEvent = null;
        Double otherCpu = null;
        if (serverAtEnd != null) {
            if (openAtEnd > 0) {
                rssPerStream = (double) (serverAtEnd.rssBytes() - serverBeforeStreams.rssBytes()) / openAtEnd;
            }
            cpuSeconds = serverAtEnd.cpuSeconds() - serverAtWindowStart.cpuSeconds();
            userSeconds = serverAtEnd.userSeconds() - serverAtWindowStart.userSeconds();
            systemSeconds = serverAtEnd.systemSeconds() - serverAtWindowStart.systemSeconds();
            otherCpu = otherProcessesInWindow;
            if (recorder.windowEvents > 0) {
                cpuPerEvent = cpuSeconds * 1e6 / recorder.windowEvents;
                userPerEvent = userSeconds * 1e6 / recorder.windowEvents;
                systemPerEvent = systemSeconds * 1e6 / recorder.windowEvents;
            }
        }
        return new LoadResult(
                options.scenario(),
                options.server(),
                options.url().toString(),
                startedAt,
                loadAverageAtStart,
                options.streams(),
                recorder.opened,
                recorder.connectFailures,
                recorder.non200Responses,
                recorder.prematureCloses,
                options.streams() - recorder.opened - recorder.connectFailures - recorder.non200Responses,
                openAtEnd,
                options.ramp().toMillis() / 1000.0,
                windowSeconds,
                options.measuresLateness() ? options.intervalMs() : null,
                ttfe.isEmpty() ? null : ttfe.percentile(50) / 1000.0,
                ttfe.isEmpty() ? null : ttfe.percentile(99) / 1000.0,
                recorder.windowEvents,
                recorder.windowEvents / windowSeconds,
                options.measuresLateness() ? lateness.size() : null,
                hasLateness ? lateness.percentile(50) / 1000.0 : null,
                hasLateness ? lateness.percentile(99) / 1000.0 : null,
                hasLateness ? lateness.max() / 1000.0 : null,
                server.pids(),
                serverBeforeStreams == null ? null : serverBeforeStreams.rssBytes(),
                serverAtEnd == null ? null : serverAtEnd.rssBytes(),
                rssPerStream,
                cpuSeconds,
                userSeconds,
                systemSeconds,
                cpuPerEvent,
                userPerEvent,
                systemPerEvent,
                self.sample().cpuSeconds() - clientCpuAtStart,
                otherCpu);
    }
}
