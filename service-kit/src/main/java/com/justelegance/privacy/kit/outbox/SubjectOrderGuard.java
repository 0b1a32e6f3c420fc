package com.justelegance.privacy.kit.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which claimed outbox rows a relay may send without reordering a subject's events.
 *
 * <p>Relays claim with {@code SKIP LOCKED}, so a claim can hold a subject's rows 2 and 4 while another relay holds
 * row 3, or miss row 1 entirely. Sending 2 and 4 would put 4 ahead of 3. So, per subject, only the claimed rows
 * that form an unbroken prefix of that subject's unsent rows are sent; the rest wait for a later round.
 */
final class SubjectOrderGuard {

    /** An outbox row's id and key (the subject). */
    record Row(long id, String key) {
    }

    private SubjectOrderGuard() {
    }

    /**
     * @param claimed the rows this relay holds
     * @param unsent  every unsent row of the claimed subjects up to the highest claimed id, in id order
     * @return the ids of the claimed rows that may be sent now
     */
    static Set<Long> sendable(List<Row> claimed, List<Row> unsent) {
        Set<Long> claimedIds = new HashSet<>();
        claimed.forEach(row -> claimedIds.add(row.id()));
        Set<String> blocked = new HashSet<>();
        Set<Long> sendable = new HashSet<>();
        for (Row row : unsent) {
            if (blocked.contains(row.key())) {
                continue;
            }
            if (claimedIds.contains(row.id())) {
                sendable.add(row.id());
            } else {
                // An earlier row of this subject is elsewhere: nothing after it may go first.
                blocked.add(row.key());
            }
        }
        return sendable;
    }
}
