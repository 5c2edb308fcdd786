package io.chamber.sse.runtime;

import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.shutdown.ShutdownListener;

@Recorder
public class ChamberSseRecorder {

    public ShutdownListener endStreamsOnShutdown() {
        return new EndStreamsOnShutdown();
    }
}
