package com.justelegance.privacy.kit.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMPTZ} columns, for native queries and JDBC batches: the one place that knows
 * which Java types the driver hands back for a timestamp.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** A timestamp column of a native query's row, whichever Java type the driver chose for it. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not a timestamp: " + value.getClass().getName());
        };
    }

    /** Binds an instant (or SQL NULL) to a JDBC statement's {@code TIMESTAMPTZ} parameter. */
    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
