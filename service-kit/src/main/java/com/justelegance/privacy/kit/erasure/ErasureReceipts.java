package com.justelegance.privacy.kit.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The erasures a service requested and the receipts that answer them ({@code requested_erasure},
 * {@code erasure_receipt_record}): which participants are expected ({@code privacy.erasure.expected-receipts}),
 * which answered and with what, which requests are closed (every expected receipt in) and which are overdue (open
 * after {@code privacy.erasure.receipts-due-within}). Subjects appear only as keyed hashes.
 */
@ApplicationScoped
public class ErasureReceipts {

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;
    private final Clock clock;
    private final List<String> expected;
    private final Duration dueWithin;

    public ErasureReceipts(EntityManager entityManager, KeyedHash keyedHash, Clock clock, ErasureConfig config) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
        this.clock = clock;
        this.expected = List.copyOf(config.expectedReceipts().orElse(List.of()));
        this.dueWithin = config.receiptsDueWithin();
    }

    /** An erasure this service asks for: the request id, its subject and why. */
    public record NewErasure(String requestId, String subjectId, ErasureReason reason) {
    }

    /**
     * An erasure this service requested.
     *
     * @param groupId  what the request was part of (a purge run, a data-subject request), or null
     * @param closedAt when the last expected receipt came in, or null while one is missing
     */
    public record RequestedErasure(String requestId, String subjectRef, ErasureReason reason, UUID groupId,
                                   Instant requestedAt, Instant closedAt) {
    }

    /**
     * One participant's receipt, its erased and withheld lines as the event's JSON, and the recipients it told of the
     * erasure (Art. 19) by their registered ids.
     */
    public record Receipt(String service, Instant completedAt, String erased, String withheld, Instant receivedAt,
                          List<String> recipientsNotified) {
    }

    /** A requested erasure, the receipts in so far, the participants still to answer, and whether that is late. */
    public record ErasureStatus(RequestedErasure request, List<Receipt> receipts, List<String> awaiting,
                                boolean overdue) {
    }

    /** The participants every erasure waits for. */
    public List<String> expectedParticipants() {
        return expected;
    }

    /** Records erasures requested together (their ErasureRequested events go out in the same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void track(List<NewErasure> erasures, UUID groupId, Instant requestedAt) {
        // One JDBC batch: a purge run requests thousands at once.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO requested_erasure (request_id, subject_ref, reason, group_id, requested_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (NewErasure erasure : erasures) {
                    insert.setString(1, erasure.requestId());
                    insert.setString(2, keyedHash.subjectRef(erasure.subjectId()));
                    insert.setString(3, erasure.reason().name());
                    insert.setObject(4, groupId);
                    SqlTimes.set(insert, 5, requestedAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Records the receipts in a batch from the erasure-receipts topic that answer erasures this service requested
     * (others are not ours and are skipped), and closes the requests they complete. A repeated receipt from the
     * same participant changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReceipts(List<EventEnvelope<?>> events) {
        Instant now = clock.instant();
        List<String> answered = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ErasureCompleted receipt -> {
                    if (recordReceipt(receipt, now)) {
                        answered.add(receipt.requestId());
                    }
                }
                default -> {
                    // Only receipts travel on this topic.
                }
            }
        }
        if (!answered.isEmpty() && !expected.isEmpty()) {
            closeAnswered(answered, now);
        }
    }

    @Transactional
    public Optional<ErasureStatus> status(String requestId) {
        return requests("WHERE request_id = :key", "key", requestId, 1).stream().findFirst().map(this::status);
    }

    /** The erasures requested as part of one group (a purge run, say), oldest first. */
    public List<RequestedErasure> ofGroup(UUID groupId, int limit) {
        return requests("WHERE group_id = :key", "key", groupId, limit);
    }

    /** The erasures still waiting for a receipt after the time allowed, oldest first, with what is in so far. */
    @Transactional
    public List<ErasureStatus> overdue(int limit) {
        return requests("WHERE closed_at IS NULL AND requested_at < :key", "key", clock.instant().minus(dueWithin),
                limit).stream().map(this::status).toList();
    }

    /** Which of these requests are still missing a receipt after the time allowed: one query, for a page of them. */
    @Transactional
    public Set<String> overdueAmong(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> overdue = entityManager.createNativeQuery("""
                        SELECT request_id FROM requested_erasure
                        WHERE request_id IN (:ids) AND closed_at IS NULL AND requested_at < :cutoff""")
                .setParameter("ids", requestIds)
                .setParameter("cutoff", clock.instant().minus(dueWithin))
                .getResultList();
        return Set.copyOf(overdue);
    }

    /** How many of each group's erasures have every expected receipt. */
    public Map<UUID, Integer> closedPerGroup(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT group_id, count(*) AS closed FROM requested_erasure
                        WHERE group_id IN (:groups) AND closed_at IS NOT NULL GROUP BY group_id""", Tuple.class)
                .setParameter("groups", groupIds)
                .getResultList();
        Map<UUID, Integer> closed = new HashMap<>();
        rows.forEach(row -> closed.put((UUID) row.get(0), ((Number) row.get(1)).intValue()));
        return closed;
    }

    private ErasureStatus status(RequestedErasure request) {
        List<Receipt> receipts = receipts(request.requestId());
        List<String> awaiting = expected.stream()
                .filter(service -> receipts.stream().noneMatch(receipt -> receipt.service().equals(service)))
                .toList();
        return new ErasureStatus(request, receipts, awaiting, isOverdue(request));
    }

    private boolean isOverdue(RequestedErasure request) {
        return request.closedAt() == null && request.requestedAt().plus(dueWithin).isBefore(clock.instant());
    }

    /** Returns whether the receipt answers a request of this service and was not recorded before. */
    boolean recordReceipt(ErasureCompleted receipt, Instant receivedAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO erasure_receipt_record
                            (request_id, service, completed_at, erased, withheld, received_at, recipients_notified)
                        SELECT request_id, :service, :completedAt, :erased, :withheld, :receivedAt, :recipients
                        FROM requested_erasure WHERE request_id = :requestId
                        ON CONFLICT (request_id, service) DO NOTHING""")
                .setParameter("requestId", receipt.requestId())
                .setParameter("service", receipt.service())
                .setParameter("completedAt", receipt.completedAt())
                .setParameter("erased", json(receipt.erased()))
                .setParameter("withheld", json(receipt.withheld()))
                .setParameter("receivedAt", receivedAt)
                .setParameter("recipients", json(receipt.recipientsNotified()))
                .executeUpdate() > 0;
    }

    /**
     * Closes those of the requests for which every expected participant has sent its receipt.
     *
     * <p>The open requests are locked first: two transactions each recording the last-but-one and the last receipt
     * would otherwise each count only their own and neither would close the request. Waiting for the lock lets the
     * count see the receipts committed meanwhile. ({@code NO KEY UPDATE} does not conflict with the key-share lock
     * a receipt's foreign key takes.)
     */
    void closeAnswered(Collection<String> requestIds, Instant now) {
        entityManager.createNativeQuery("""
                        SELECT request_id FROM requested_erasure WHERE request_id IN (:requests) AND closed_at IS NULL
                        ORDER BY request_id FOR NO KEY UPDATE""")
                .setParameter("requests", requestIds)
                .getResultList();
        entityManager.createNativeQuery("""
                        UPDATE requested_erasure r SET closed_at = :now
                        WHERE r.request_id IN (:requests) AND r.closed_at IS NULL
                          AND (SELECT count(*) FROM erasure_receipt_record e
                               WHERE e.request_id = r.request_id AND e.service IN (:expected)) = :expectedCount""")
                .setParameter("now", now)
                .setParameter("requests", requestIds)
                .setParameter("expected", expected)
                .setParameter("expectedCount", expected.size())
                .executeUpdate();
    }

    private List<Receipt> receipts(String requestId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT service, completed_at, erased, withheld, received_at, recipients_notified
                        FROM erasure_receipt_record
                        WHERE request_id = :requestId ORDER BY received_at, service""", Tuple.class)
                .setParameter("requestId", requestId)
                .getResultList();
        return rows.stream().map(row -> new Receipt(row.get(0, String.class), SqlTimes.instant(row.get(1)),
                row.get(2, String.class), row.get(3, String.class), SqlTimes.instant(row.get(4)),
                recipientIds(row.get(5, String.class)))).toList();
    }

    /** The requests matching one of the fixed filters above, oldest first. */
    private List<RequestedErasure> requests(String filter, String key, Object value, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_id, subject_ref, reason, group_id, requested_at, closed_at
                        FROM requested_erasure %s ORDER BY requested_at, request_id LIMIT :limit"""
                        .formatted(filter), Tuple.class)
                .setParameter(key, value)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new RequestedErasure(row.get(0, String.class), row.get(1, String.class),
                ErasureReason.valueOf(row.get(2, String.class)), (UUID) row.get(3), SqlTimes.instant(row.get(4)),
                SqlTimes.instant(row.get(5)))).toList();
    }

    private static List<String> recipientIds(String json) {
        try {
            return List.of(EventCodec.mapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored receipt's recipients are not a JSON list", e);
        }
    }

    private static String json(Object codesAndCounts) {
        try {
            return EventCodec.mapper().writeValueAsString(codesAndCounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a receipt's codes as JSON", e);
        }
    }
}
