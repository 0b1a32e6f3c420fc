package com.justelegance.privacy.kit.persistence;

import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Supplier;

/**
 * How a change of state in any service wins or loses against a concurrent one. The change is written at once:
 * an update of a versioned entity (notice, recipient) applies only at the version that was read, and an insert
 * only if no row with its key was inserted meanwhile. When another caller committed first, the change becomes the
 * caller's 409 instead of a lost update, a second audit entry or a 500.
 */
@ApplicationScoped
public class ConcurrentChanges {

    private final EntityManager entityManager;

    public ConcurrentChanges(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Writes the transaction's pending changes now, or throws {@code conflict} if another caller got there first. */
    public void saveOrConflict(Supplier<ProblemException> conflict) {
        saveOrConflict(() -> {
        }, conflict);
    }

    /**
     * Makes a change (a persist of an entity whose key the database generates is written at once) and writes the
     * transaction's pending changes, or throws {@code conflict} if another caller got there first.
     */
    public void saveOrConflict(Runnable change, Supplier<ProblemException> conflict) {
        try {
            change.run();
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw conflict.get();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw conflict.get();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}
