package com.justelegance.privacy.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * Finds what a service's database still holds about a subject: every table of the service's schema (found in
 * {@code information_schema}, so a table added later is searched too), each row as JSON text, searched for the
 * subject id. After an erasure a test expects no table at all, or only the ones it names with the reason:
 *
 * <pre>
 * SubjectTraces.awaitOutboxSent(dataSource, subject);
 * clock.moveForward(kitConfig.outbox().keepSent().plusMinutes(1));
 * outboxRelay.deleteOldSentRows();
 * assertThat(SubjectTraces.tablesNaming(dataSource, subject), anEmptyMap());
 * </pre>
 *
 * A keyed hash of the subject id (tombstones, audit entries, notices) is not the id and is not found.
 */
public final class SubjectTraces {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SubjectTraces() {
    }

    /** The tables of the current schema with a row naming the subject, and how many rows; empty when none does. */
    public static Map<String, Long> tablesNaming(DataSource database, String subjectId) {
        try (Connection connection = database.getConnection()) {
            Map<String, Long> naming = new TreeMap<>();
            for (String table : tables(connection)) {
                long rows = rowsNaming(connection, table, subjectId);
                if (rows > 0) {
                    naming.put(table, rows);
                }
            }
            return naming;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the tables for the subject", e);
        }
    }

    /**
     * Waits until every outbox row keyed by the subject has been sent, so the outbox cleanup may delete them once
     * the kit's keep-sent time has passed.
     */
    public static void awaitOutboxSent(DataSource database, String subjectId) {
        await().atMost(WAIT).until(() -> {
            try (Connection connection = database.getConnection();
                 PreparedStatement unsent = connection.prepareStatement(
                         "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL")) {
                unsent.setString(1, subjectId);
                try (ResultSet result = unsent.executeQuery()) {
                    result.next();
                    return result.getLong(1) == 0;
                }
            }
        });
    }

    /**
     * The tables that still name the subject once the service's outbox rows about it are sent and older than the
     * kit's keep-sent time, so that the outbox cleanup has deleted them: what an erasure really leaves behind.
     *
     * @param keepSent          the kit's {@code privacy.kit.outbox.keep-sent}
     * @param deleteOldSentRows the outbox cleanup, run once the clock has moved past keep-sent
     */
    public static Map<String, Long> tablesNamingAfterOutboxCleanup(DataSource database, String subjectId,
                                                                   TestClock clock, Duration keepSent,
                                                                   Runnable deleteOldSentRows) {
        awaitOutboxSent(database, subjectId);
        clock.moveForward(keepSent.plusMinutes(1));
        deleteOldSentRows.run();
        return tablesNaming(database, subjectId);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                ORDER BY table_name""");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static long rowsNaming(Connection connection, String table, String subjectId) throws SQLException {
        // strpos, not LIKE: an id is matched as it is, with no wildcard in it. Table names come from the catalogue.
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t "
                + "WHERE strpos(CAST(row_to_json(t) AS text), ?) > 0")) {
            query.setString(1, subjectId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
