package io.chamber.sse.it;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every WARN or ERROR record logged anywhere in this JVM while it is installed. */
final class WarningLog extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();

    static WarningLog install() {
        WarningLog log = new WarningLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    void clear() {
        records.clear();
    }

    /** What was logged: level, logger and message of each record. */
    List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            records.add(record.getLevel() + " [" + record.getLoggerName() + "] " + record.getMessage()
                    + (record.getThrown() == null ? "" : ": " + record.getThrown()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
