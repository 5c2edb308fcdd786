package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The frame of the hostile-client suite (issue 14): one packaged app per theme, at {@code -Xmx256m}; after every
 * case the app must be whole again (its open streams back where they were, liveness UP, a normal stream served, no
 * WARN or ERROR line logged during the case), and after the last case its heap and RSS back near where they were
 * when it had just served its first streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileSuite {

    /** Heap in use after a full GC may exceed the start's by this much once every client left. */
    static final long HEAP_SLACK = 24L << 20;
    /** The RSS may exceed the start's by this much once every client left (Netty keeps its pooled buffers). */
    static final long RSS_SLACK = 160L << 20;

    HostileApp app;
    private long startHeap;
    private long startRss;
    private long streamsBefore;
    private int logBefore;

    /** Extra {@code -D} settings of this theme's app. */
    String[] settings() {
        return new String[0];
    }

    @BeforeAll
    void startApp() throws Exception {
        app = HostileApp.start(settings());
        for (int i = 0; i < 20; i++) {
            assertThat(app.normalStream().statusCode()).isEqualTo(200);
        }
        startHeap = app.heapAfterGc();
        startRss = app.rss();
        System.out.printf("[hostile] %s: heap after GC %d KB, RSS %d KB at the start%n", getClass().getSimpleName(),
                startHeap >> 10, startRss >> 10);
    }

    @BeforeEach
    void markCase() {
        streamsBefore = app.alive() ? app.openStreams() : 0;
        logBefore = app.logLines().size();
    }

    /** The app is whole after each case; a case that broke it fails here, not the next case. */
    @AfterEach
    void appIsWholeAgain() throws Exception {
        assertThat(app.alive()).as("the app is running").isTrue();
        app.awaitOpenStreams(streamsBefore);
        assertThat(app.liveness()).as("status of /q/health/live").isEqualTo(200);
        HttpResponse<String> normal = app.normalStream();
        assertThat(normal.statusCode()).as("status of a normal stream").isEqualTo(200);
        assertThat(normal.body()).as("a normal stream's body").contains("\n\nid: ");
        assertThat(app.noiseSince(logBefore)).as("WARN and ERROR lines the case caused").isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterEveryCaseTheAppIsBackWhereItStarted() {
        assertThat(app.alive()).as("the app is running").isTrue();
        assertThat(app.openStreams()).as("open streams").isZero();
        long heap = app.heapAfterGc();
        long rss = app.rss();
        System.out.printf("[hostile] %s: heap after GC %d KB, RSS %d KB at the end%n", getClass().getSimpleName(),
                heap >> 10, rss >> 10);
        assertThat(heap).as("heap in use after a full GC, against %d KB at the start", startHeap >> 10)
                .isLessThanOrEqualTo(startHeap + HEAP_SLACK);
        assertThat(rss).as("RSS, against %d KB at the start", startRss >> 10).isLessThanOrEqualTo(startRss + RSS_SLACK);
        assertThat(app.noiseSince(0)).as("WARN and ERROR lines in %s", app.app.log).isEmpty();
    }

    /** Shutting down after the cases is quiet too (a stream that outlived its connection would hold it up). */
    @AfterAll
    void stopApp() throws Exception {
        if (app == null) {
            return;
        }
        int logBeforeShutdown = app.logLines().size();
        app.close();
        assertThat(app.noiseSince(logBeforeShutdown)).as("WARN and ERROR lines while shutting down").isEmpty();
    }
}
