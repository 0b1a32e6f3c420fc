package com.justelegance.privacy.retention.repository;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Lets one purge run go at a time, across every instance: a PostgreSQL session advisory lock held on a connection
 * of its own for the whole run (a run spans many transactions). If the instance dies mid-run, the database drops
 * the connection and the lock with it, so a crashed run never blocks the next one.
 */
@ApplicationScoped
public class PurgeLock {

    private static final long PURGE_LOCK = 0x5055_5247_4552_554eL;

    private final DataSource dataSource;

    public PurgeLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock unless a run holds it; closing the returned handle releases it. Never waits. */
    public Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (call(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.of(new Held(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the purge lock", e);
        }
    }

    /** The purge lock, held until closed. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(?)");
            } catch (SQLException e) {
                Log.errorf(e, "Could not release the purge lock; it goes when its connection closes");
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, PURGE_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.warnf(e, "Could not close the purge lock's connection");
            }
        }
    }
}
