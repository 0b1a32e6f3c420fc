package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.codes.ErasureReason;

/**
 * What a participant is asked to erase.
 *
 * @param subjectId   the subject whose data goes
 * @param requestId   the erasure request; for a late arrival, the request that erased the subject last
 * @param reason      why the subject is erased; null for a late arrival of a tombstone older than reasons
 * @param lateArrival whether this is data that reached the service after the subject was erased here (an order
 *                    event delayed in the broker, a restored backup), not a new request
 */
public record ErasureOrder(String subjectId, String requestId, ErasureReason reason, boolean lateArrival) {
}
