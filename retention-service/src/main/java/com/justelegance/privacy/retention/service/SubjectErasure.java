package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.erasure.ErasureOrder;
import com.justelegance.privacy.kit.erasure.ErasureParticipant;
import com.justelegance.privacy.kit.erasure.ErasureResult;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.repository.ErasureRepository;
import com.justelegance.privacy.retention.repository.HoldRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This service's part in erasure (the kit's erasure protocol does the rest), whoever asked (dsr-service, or this
 * service's purge): the subject's timeline, complaints, open-request markers, restrictions of processing (lifted
 * or not: an erasure the subject asked for after a restriction is legitimate, Art. 17) and released holds go.
 * Active legal holds stay: they are the reason other data must not be erased, and the receipt says so, with their
 * end dates.
 *
 * <p>Data that arrives after the erasure is not erased here at once, on purpose: {@link Timelines} records it as
 * reappeared, which makes the subject due at once, and the next purge asks every service to erase again
 * ({@code DATA_REAPPEARED_AFTER_ERASURE}), so the other services hear of it too.
 */
@ApplicationScoped
public class SubjectErasure implements ErasureParticipant {

    private final ErasureRepository erasures;
    private final HoldRepository holds;
    private final SubjectRestrictions restrictions;
    private final SubjectTombstones tombstones;
    private final AuditLog auditLog;
    private final Clock clock;

    public SubjectErasure(ErasureRepository erasures, HoldRepository holds, SubjectRestrictions restrictions,
                          SubjectTombstones tombstones, AuditLog auditLog, Clock clock) {
        this.erasures = erasures;
        this.holds = holds;
        this.restrictions = restrictions;
        this.tombstones = tombstones;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public ErasureResult erase(ErasureOrder order) {
        if (order.lateArrival()) {
            return ErasureResult.nothing();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> subject = Set.of(order.subjectId());
        long erased = erasures.deleteSubjects(subject, today).getOrDefault(order.subjectId(), 0L)
                + restrictions.eraseSubject(order.subjectId());
        ErasureResult result = ErasureResult.nothing().erased(DataCategory.RETENTION_TIMELINE, erased);
        List<LegalHold> kept = holds.activeLegalHolds(subject, today).getOrDefault(order.subjectId(), List.of());
        kept.stream().map(LegalHold::endsOn).distinct().forEach(until ->
                result.kept(DataCategory.RETENTION_TIMELINE, WithheldReason.LEGAL_HOLD, until));
        return result;
    }

    @Override
    public DataCategory recordCategory() {
        return DataCategory.RETENTION_TIMELINE;
    }

    /** Whether and when the subject was erased, as far as the tombstone tells; the read is audited. */
    @Transactional
    public Optional<SubjectTombstones.Tombstone> tombstone(String subjectId) {
        Optional<SubjectTombstones.Tombstone> tombstone = tombstones.find(subjectId);
        auditLog.record("retention.tombstone.read", subjectId, Map.of("erased", tombstone.isPresent()));
        return tombstone;
    }
}
