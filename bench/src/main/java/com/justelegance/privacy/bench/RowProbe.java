package com.justelegance.privacy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches a table fill up, for the ingest figures: counts its rows every 100 ms (every 250 ms once rows arrive) and
 * notes when the first row appeared and when the count reached what was expected. The service and its baseline are
 * watched the same way, on their own {@code processed_event}, which each fills in the transaction that writes the
 * event's rows, so a count that is reached means every row is written. Until the table exists (the service has not
 * migrated yet) a failed count is just "not yet".
 */
final class RowProbe implements AutoCloseable {

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long firstRowNanos;
    private volatile long doneNanos;
    private volatile long lastCount;
    private volatile boolean stopped;

    RowProbe(ConnectionSource source, String table, long expected) {
        thread = Thread.ofPlatform().name("bench-row-probe").daemon().start(() -> watch(source, table, expected));
    }

    private void watch(ConnectionSource source, String table, long expected) {
        Connection connection = null;
        try {
            while (!stopped) {
                try {
                    if (connection == null) {
                        connection = source.open();
                    }
                    try (Statement statement = connection.createStatement();
                         ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        count.next();
                        lastCount = count.getLong(1);
                    }
                    long now = System.nanoTime();
                    if (lastCount > 0 && firstRowNanos == 0) {
                        firstRowNanos = now;
                    }
                    if (lastCount >= expected) {
                        doneNanos = now;
                        done.countDown();
                        return;
                    }
                } catch (SQLException notYet) {
                    // No database or no table yet: the service is still starting.
                    if (connection != null && isBroken(connection)) {
                        closeQuietly(connection);
                        connection = null;
                    }
                }
                Thread.sleep(firstRowNanos == 0 ? 100 : 250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                closeQuietly(connection);
            }
        }
    }

    /** Waits for the expected count; false when it was not reached in time. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long firstRowNanos() {
        return firstRowNanos;
    }

    long doneNanos() {
        return doneNanos;
    }

    long lastCount() {
        return lastCount;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }

    private static boolean isBroken(Connection connection) {
        try {
            return !connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
