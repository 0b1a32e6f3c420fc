package com.justelegance.privacy.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log line the application writes while it is open (formatted message and stack trace), so a test
 * can check that no personal data reaches the logs:
 *
 * <pre>
 * try (LogCapture logs = LogCapture.start()) {
 *     ... act ...
 *     assertThat(logs.lines(), everyItem(not(containsString(email))));
 * }
 * </pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogCapture() {
    }

    /** Starts capturing from the root logger. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringBuilder line = new StringBuilder(String.valueOf(message));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
        // Lines are kept in memory as they arrive.
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
