package com.justelegance.privacy.kit.restriction;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Restriction of processing (UK GDPR Art. 18), the same in every service that honours it: the restrictions and
 * lifts dsr-service announces on {@code privacy.subject-requests.v1} ({@code ProcessingRestricted} and
 * {@code ProcessingRestrictionLifted}, both naming the restricting request), kept in the kit's table
 * {@code processing_restriction}, one row per subject and request. The service does its own part (refusing checks,
 * holding purges, telling recipients) with what {@link #apply} reports and with {@link #restrictedAmong}.
 *
 * <p>One semantics everywhere: a restriction is in force while it has been restricted and not lifted, and a subject
 * is restricted while any of its restrictions is in force (they overlap). A lift is final: the same request
 * announced again restricts nothing. A lift that arrives before its restriction is recorded, so the late
 * restriction never takes hold. A redelivered event changes nothing. A restriction or lift of a subject erased here
 * is not recorded: there is nothing left to restrict, and the row would name the subject again.
 */
@ApplicationScoped
public class SubjectRestrictions {

    private final EntityManager entityManager;
    private final SubjectTombstones tombstones;

    public SubjectRestrictions(EntityManager entityManager, SubjectTombstones tombstones) {
        this.entityManager = entityManager;
        this.tombstones = tombstones;
    }

    /** One request's restriction of one subject. */
    public record RequestRestriction(String subjectId, String requestId) {
    }

    /**
     * What a batch changed.
     *
     * @param tookHold           the restrictions that took hold, in the order they arrived (a redelivered one, or
     *                           one whose lift arrived first, is not among them)
     * @param lifted             the lifts recorded, in the order they arrived: those that ended a restriction in
     *                           force and those that arrived before their restriction
     * @param newlyRestricted    the subjects restricted after the batch that were not before it
     * @param noLongerRestricted the subjects restricted before the batch that are not after it
     */
    public record Changes(List<RequestRestriction> tookHold, List<RequestRestriction> lifted,
                          Set<String> newlyRestricted, Set<String> noLongerRestricted) {

        static final Changes NONE = new Changes(List.of(), List.of(), Set.of(), Set.of());
    }

    /**
     * One restriction of a subject, for views and exports.
     *
     * @param liftedAt when it was lifted; null while it is in force
     */
    public record Restriction(String requestId, Instant restrictedAt, Instant liftedAt) {

        public boolean inForce() {
            return liftedAt == null;
        }
    }

    /**
     * Records the restrictions and lifts in a batch of the subject-requests topic, in order, in the caller's (the
     * inbox's) transaction, and reports what changed. Other events on the topic (requests opened and closed) are
     * left to the caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Changes apply(List<EventEnvelope<?>> events) {
        Set<String> subjects = subjectsRestrictedOrLifted(events);
        if (subjects.isEmpty()) {
            return Changes.NONE;
        }
        // The inbox locked the batch's subjects, so an erasure is either seen here or waits for this batch.
        Set<String> erased = tombstones.findAll(subjects).keySet();
        Set<String> restrictedBefore = restrictedAmong(subjects);
        List<RequestRestriction> tookHold = new ArrayList<>();
        List<RequestRestriction> lifted = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            String subject = event.subjectId();
            switch (event.payload()) {
                case ProcessingRestricted restricted when erased.contains(subject) ->
                        Log.infof("Restriction of request %s not recorded: its subject was erased",
                                restricted.requestId());
                case ProcessingRestricted restricted -> {
                    if (restrict(subject, restricted.requestId(), event.occurredAt())) {
                        tookHold.add(new RequestRestriction(subject, restricted.requestId()));
                    }
                }
                case ProcessingRestrictionLifted lift when erased.contains(subject) ->
                        Log.infof("Lift of request %s not recorded: its subject was erased", lift.requestId());
                case ProcessingRestrictionLifted lift -> {
                    if (lift(subject, lift.requestId(), event.occurredAt())) {
                        lifted.add(new RequestRestriction(subject, lift.requestId()));
                    }
                }
                default -> {
                    // Requests opening and closing travel on the same topic; they are the caller's business.
                }
            }
        }
        Set<String> restrictedAfter = restrictedAmong(subjects);
        Set<String> newlyRestricted = new LinkedHashSet<>(restrictedAfter);
        newlyRestricted.removeAll(restrictedBefore);
        Set<String> noLongerRestricted = new LinkedHashSet<>(restrictedBefore);
        noLongerRestricted.removeAll(restrictedAfter);
        return new Changes(List.copyOf(tookHold), List.copyOf(lifted), Set.copyOf(newlyRestricted),
                Set.copyOf(noLongerRestricted));
    }

    /** Whether any restriction of the subject is in force now. */
    public boolean isRestricted(String subjectId) {
        return !restrictedAmong(List.of(subjectId)).isEmpty();
    }

    /** The subjects among these with a restriction in force now. */
    public Set<String> restrictedAmong(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> restricted = entityManager.createNativeQuery("""
                        SELECT DISTINCT subject_id FROM processing_restriction
                        WHERE subject_id IN (:subjects) AND restricted_at IS NOT NULL AND lifted_at IS NULL""",
                        String.class)
                .setParameter("subjects", subjectIds)
                .getResultList();
        return new HashSet<>(restricted);
    }

    /**
     * The subject's restrictions, lifted ones too, oldest first. A lift whose restriction has not arrived is not a
     * restriction yet and is left out.
     */
    public List<Restriction> restrictionsOf(String subjectId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_id, restricted_at, lifted_at FROM processing_restriction
                        WHERE subject_id = :subject AND restricted_at IS NOT NULL
                        ORDER BY restricted_at, request_id""", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream().map(row -> new Restriction(row.get(0, String.class), SqlTimes.instant(row.get(1)),
                SqlTimes.instant(row.get(2)))).toList();
    }

    /**
     * Deletes every record of the subject's restrictions, in force, lifted or only lifted, for the service's
     * erasure participant; returns how many went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseSubject(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM processing_restriction WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    /**
     * Records the request's restriction of the subject; true when it took hold. A row already restricted
     * (redelivery) is left alone; a row only lifted gets its restriction's time for the record, but stays lifted.
     */
    private boolean restrict(String subjectId, String requestId, Instant at) {
        @SuppressWarnings("unchecked")
        List<Boolean> inForce = entityManager.createNativeQuery("""
                        INSERT INTO processing_restriction (subject_id, request_id, restricted_at)
                        VALUES (:subject, :request, :at)
                        ON CONFLICT (subject_id, request_id) DO UPDATE SET restricted_at = EXCLUDED.restricted_at
                            WHERE processing_restriction.restricted_at IS NULL
                        RETURNING lifted_at IS NULL""", Boolean.class)
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", at)
                .getResultList();
        return !inForce.isEmpty() && inForce.getFirst();
    }

    /**
     * Records the lift of the request's restriction of the subject, whether or not the restriction has arrived;
     * true when recorded (false for a lift recorded before: lifts are final).
     */
    private boolean lift(String subjectId, String requestId, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> recorded = entityManager.createNativeQuery("""
                        INSERT INTO processing_restriction (subject_id, request_id, lifted_at)
                        VALUES (:subject, :request, :at)
                        ON CONFLICT (subject_id, request_id) DO UPDATE SET lifted_at = EXCLUDED.lifted_at
                            WHERE processing_restriction.lifted_at IS NULL
                        RETURNING request_id""", String.class)
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", at)
                .getResultList();
        return !recorded.isEmpty();
    }

    private static Set<String> subjectsRestrictedOrLifted(List<EventEnvelope<?>> events) {
        Set<String> subjects = new LinkedHashSet<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ProcessingRestricted restricted -> subjects.add(event.subjectId());
                case ProcessingRestrictionLifted lifted -> subjects.add(event.subjectId());
                default -> {
                    // Not a restriction: nothing to look up for it.
                }
            }
        }
        return subjects;
    }
}
