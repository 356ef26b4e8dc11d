package io.shikaku.eligibility.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the service logs while a test runs (message and parameters, as they would be formatted), for tests that prove
 * what is logged and that personal data is not: {@link #start()} before, {@link #stop()} after.
 */
public final class CapturedLogs extends Handler {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    public void start() {
        Logger.getLogger("").addHandler(this);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    /** The lines logged so far. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
