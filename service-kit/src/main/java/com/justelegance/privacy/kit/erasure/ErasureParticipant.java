package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.codes.DataCategory;

/**
 * A service's part in erasure: the one thing it writes itself. The kit's {@link ErasureProtocol} does the rest
 * the same way in every service (consuming the requests, locking the subject, the tombstone, destroying the
 * subject's key, the audit entry, the receipt through the outbox, noticing data that arrives after the erasure).
 *
 * <p>{@link #erase} runs inside the kit's transaction, with the subject locked against the service's consumers. It
 * must not commit, publish or audit on its own.
 */
public interface ErasureParticipant {

    /**
     * Erases or anonymises what this service holds about the order's subject, and says what went and what stayed.
     * For a {@linkplain ErasureOrder#lateArrival() late arrival} (data that came in after the subject was erased
     * here) it erases what arrived, or returns {@link ErasureResult#nothing()} when the service deals with late
     * data its own way.
     */
    ErasureResult erase(ErasureOrder order);

    /**
     * The category of record this service keeps about its subjects; the tombstone the kit keeps after an
     * erasure is reported under it in the receipt ({@code ERASURE_RECORD}).
     */
    DataCategory recordCategory();
}
