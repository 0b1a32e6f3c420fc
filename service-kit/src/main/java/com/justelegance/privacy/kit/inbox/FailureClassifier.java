package com.justelegance.privacy.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure caused by the environment (retry later) from one caused by the record (dead-letter it), by
 * looking through the cause chain for connection, timeout, deadlock and serialization failures.
 */
public final class FailureClassifier {

    /** SQLSTATE classes of failures that can succeed on retry: connection, transaction rollback, resources. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_EXCEPTION_NAMES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "org.apache.kafka.common.errors.RetriableException");

    private FailureClassifier() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientProcessingException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || isNamedTransient(t.getClass())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamedTransient(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_EXCEPTION_NAMES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
