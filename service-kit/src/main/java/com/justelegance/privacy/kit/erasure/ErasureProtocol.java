package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Erasure, the same in every service; the service only implements {@link ErasureParticipant}.
 *
 * <p>For each {@code ErasureRequested} the service's consumer hands over, in the consumer's transaction: the
 * participant erases what the service holds, a tombstone records the erasure ({@link SubjectTombstones}), the
 * subject's data key is destroyed (so encrypted copies, in a backup say, can no longer be read), an audit entry
 * {@code subject.erased} is written and the receipt, {@code ErasureCompleted}, goes out through the outbox.
 *
 * <p>After every other batch a service applies, the batch's subjects are looked up among the tombstones: data for
 * an erased subject that arrived late is handed to the participant as a late arrival, erased again, and audited as
 * {@code subject.re-erased}; no receipt goes out, as no request is answered. The inbox locks a batch's subjects
 * before applying it ({@link #lockSubjects}), so a late event and an erasure of the same subject never interleave.
 */
@ApplicationScoped
public class ErasureProtocol {

    private final Instance<ErasureParticipant> participant;
    private final SubjectTombstones tombstones;
    private final SubjectLocks locks;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String serviceName;

    public ErasureProtocol(Instance<ErasureParticipant> participant, SubjectTombstones tombstones, SubjectLocks locks,
                           SubjectKeys subjectKeys, Outbox outbox, AuditLog auditLog, Clock clock,
                           @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.participant = participant;
        this.tombstones = tombstones;
        this.locks = locks;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.serviceName = serviceName;
    }

    /** Whether this service takes part in erasure (it has an {@link ErasureParticipant}). */
    public boolean participates() {
        return participant.isResolvable();
    }

    /**
     * Erases the subject of every {@code ErasureRequested} in a batch from the erasure-requests topic; a service's
     * consumer passes its batches here. Other events on the topic are not erasure requests and are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseRequested(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ErasureRequested request -> erase(event, request);
                default -> {
                    // Only erasure requests travel on this topic; anything else is not ours to act on.
                }
            }
        }
    }

    /** Locks the subjects of a batch about to be applied, when this service takes part in erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockSubjects(List<EventEnvelope<?>> events) {
        if (participates()) {
            locks.lockAll(subjectsOf(events, false));
        }
    }

    /**
     * Erases again whatever an applied batch brought for subjects erased here before. Erasure requests and receipts
     * are not data about the subject and are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseLateArrivals(List<EventEnvelope<?>> events) {
        if (!participates()) {
            return;
        }
        Set<String> subjects = subjectsOf(events, true);
        if (subjects.isEmpty()) {
            return;
        }
        tombstones.findAll(subjects).forEach((subjectId, tombstone) -> {
            ErasureResult result = participant.get().erase(
                    new ErasureOrder(subjectId, tombstone.requestId(), tombstone.reason(), true));
            if (!result.erasedAnything()) {
                return;
            }
            subjectKeys.destroy(subjectId);
            tombstones.recordLateArrival(subjectId, clock.instant());
            auditLog.record("subject.re-erased", subjectId, auditDetails(tombstone.requestId(), result));
            Log.infof("Data arrived after erasure %s and was erased again: %s", tombstone.requestId(),
                    result.erasedCounts());
        });
    }

    private void erase(EventEnvelope<?> event, ErasureRequested request) {
        String subjectId = event.subjectId();
        // The inbox locked the batch's subjects before handing it over (lockSubjects).
        ErasureParticipant service = participant.get();
        ErasureResult result = service.erase(new ErasureOrder(subjectId, request.requestId(), request.reason(),
                false));
        result.kept(service.recordCategory(), WithheldReason.ERASURE_RECORD, null);
        Instant now = clock.instant();
        tombstones.recordErasure(subjectId, request.requestId(), request.reason(), now);
        subjectKeys.destroy(subjectId);
        List<WithheldRecords> kept = result.keptRecords();
        outbox.publish(subjectId, new ErasureCompleted(request.requestId(), serviceName, result.erasedRecords(), kept,
                now, result.notifiedRecipients()), event.eventId());
        Map<String, Object> details = auditDetails(request.requestId(), result);
        details.put("reason", request.reason().name());
        auditLog.record("subject.erased", subjectId, details);
        Log.infof("Erasure %s (%s): erased %s", request.requestId(), request.reason(), result.erasedCounts());
    }

    private static Map<String, Object> auditDetails(String requestId, ErasureResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", requestId);
        details.put("erased", result.erasedCounts());
        return details;
    }

    private static Set<String> subjectsOf(List<EventEnvelope<?>> events, boolean dataOnly) {
        Set<String> subjects = new LinkedHashSet<>();
        for (EventEnvelope<?> event : events) {
            boolean aboutErasure = switch (event.payload()) {
                case ErasureRequested request -> true;
                case ErasureCompleted receipt -> true;
                default -> false;
            };
            if (!dataOnly || !aboutErasure) {
                subjects.add(event.subjectId());
            }
        }
        return subjects;
    }
}
