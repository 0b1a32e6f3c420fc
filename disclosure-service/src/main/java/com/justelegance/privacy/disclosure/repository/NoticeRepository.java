package com.justelegance.privacy.disclosure.repository;

import com.justelegance.privacy.disclosure.domain.NoticeStatus;
import com.justelegance.privacy.disclosure.domain.RecipientNotice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Art. 19 notices and the queue of those waiting to be posted to recipients' APIs. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<RecipientNotice, UUID> {

    /** A subject's notices, found through the keyed hash they hold instead of the subject id. */
    public List<RecipientNotice> forSubjectRef(String subjectRef) {
        return list("subjectRef = ?1 order by createdAt, recipientCode", subjectRef);
    }

    /** Notices matching every filter given (null filters match all), newest first, at most {@code limit}. */
    public List<RecipientNotice> matching(NoticeStatus status, String recipientCode, Instant overdueAt, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (recipientCode != null) {
            conditions.add("recipientCode = :recipient");
            parameters.and("recipient", recipientCode);
        }
        if (overdueAt != null) {
            conditions.add("closedAt is null and dueAt < :now");
            parameters.and("now", overdueAt);
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return find(where + "order by createdAt desc, id", parameters).page(0, limit).list();
    }

    /**
     * Claims up to {@code limit} notices due for delivery by pushing their next attempt to {@code leaseUntil}, so
     * no other instance posts them meanwhile. Returns the claimed ids; the caller's transaction must commit first.
     */
    public List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = getEntityManager().createNativeQuery("""
                        UPDATE recipient_notice SET next_attempt_at = :leaseUntil
                        WHERE id IN (
                            SELECT id FROM recipient_notice
                            WHERE status = 'DELIVERING' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter("leaseUntil", leaseUntil)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
