package com.justelegance.privacy.retention.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.retention.config.RetentionConfig;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.repository.ErasureRepository;
import com.justelegance.privacy.retention.repository.HoldRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This service's part of erasure, and its bookkeeping of the erasures it requested.
 *
 * <p>On ErasureRequested (from dsr-service, or from this service's own purge) the subject's timeline, complaints,
 * open-request markers and released holds are deleted, a tombstone (the keyed hash of the subject id, when, why)
 * is written, and ErasureCompleted goes out through the outbox, all in one transaction. Active legal holds stay:
 * they are the reason other data must not be erased, and the receipt says so.
 *
 * <p>ErasureCompleted receipts from every service close the erasures this service requested once every expected
 * service has reported.
 */
@ApplicationScoped
public class ErasureService {

    private final ErasureRepository erasures;
    private final HoldRepository holds;
    private final Outbox outbox;
    private final KeyedHash keyedHash;
    private final AuditLog auditLog;
    private final Clock clock;
    private final List<String> expectedReceipts;
    private final String serviceName;

    public ErasureService(ErasureRepository erasures, HoldRepository holds, Outbox outbox, KeyedHash keyedHash,
                          AuditLog auditLog, Clock clock, RetentionConfig config,
                          @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.erasures = erasures;
        this.holds = holds;
        this.outbox = outbox;
        this.keyedHash = keyedHash;
        this.auditLog = auditLog;
        this.clock = clock;
        this.expectedReceipts = List.copyOf(config.erasure().expectedReceipts());
        this.serviceName = serviceName;
    }

    /** An erasure this service requested, with the receipts in so far and the services still to answer. */
    public record ErasureStatus(ErasureRepository.RequestedErasure request, List<ErasureRepository.Receipt> receipts,
                                List<String> awaiting) {
    }

    /** Erases the subjects of a batch of ErasureRequested events, inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseSubjects(List<EventEnvelope<?>> events) {
        List<EventEnvelope<?>> requests = events.stream()
                .filter(event -> event.payload() instanceof ErasureRequested)
                .toList();
        if (requests.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<String> subjects = new HashSet<>();
        requests.forEach(event -> subjects.add(event.subjectId()));
        Map<String, Long> deleted = erasures.deleteSubjects(subjects, today);
        Map<String, List<LegalHold>> keptHolds = holds.activeLegalHolds(subjects, today);
        for (EventEnvelope<?> event : requests) {
            ErasureRequested request = (ErasureRequested) event.payload();
            String subject = event.subjectId();
            erasures.recordTombstone(keyedHash.subjectRef(subject), now, request.reason().name(),
                    request.requestId());
            // A second request for the same subject in this batch finds nothing left to erase.
            long erasedRows = Optional.ofNullable(deleted.remove(subject)).orElse(0L);
            outbox.publish(subject, new ErasureCompleted(request.requestId(), serviceName,
                    List.of(new ErasureCompleted.ErasedRecords(DataCategory.RETENTION_TIMELINE, erasedRows)),
                    withheld(keptHolds.getOrDefault(subject, List.of())), now), event.eventId());
        }
        requests.stream()
                .collect(Collectors.groupingBy(event -> ((ErasureRequested) event.payload()).reason(),
                        Collectors.mapping(EventEnvelope::subjectId, Collectors.toSet())))
                .forEach((reason, erasedSubjects) -> auditLog.recordEach("retention.subject.erased",
                        erasedSubjects, Map.of("reason", reason.name())));
        Log.infof("Erased the timelines of %d subjects for %d erasure requests", subjects.size(), requests.size());
    }

    /** Records the receipts among a batch of events and closes the erasures they complete. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReceipts(List<EventEnvelope<?>> events) {
        Instant now = clock.instant();
        List<String> answered = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            if (event.payload() instanceof ErasureCompleted receipt
                    && erasures.recordReceipt(receipt.requestId(), receipt.service(), receipt.completedAt(),
                    json(receipt.erased()), json(receipt.withheld()), now)) {
                answered.add(receipt.requestId());
            }
        }
        if (!answered.isEmpty()) {
            erasures.closeAnswered(answered, expectedReceipts, now);
        }
    }

    @Transactional
    public Optional<ErasureStatus> status(String requestId) {
        return erasures.request(requestId).map(request -> {
            List<ErasureRepository.Receipt> receipts = erasures.receipts(requestId);
            List<String> awaiting = expectedReceipts.stream()
                    .filter(service -> receipts.stream().noneMatch(receipt -> receipt.service().equals(service)))
                    .toList();
            return new ErasureStatus(request, receipts, awaiting);
        });
    }

    /** Whether and when the subject was erased, as far as the tombstone tells. */
    @Transactional
    public Optional<ErasureRepository.Tombstone> tombstone(String subjectId) {
        Optional<ErasureRepository.Tombstone> tombstone = erasures.tombstone(keyedHash.subjectRef(subjectId));
        auditLog.record("retention.tombstone.read", subjectId, Map.of("erased", tombstone.isPresent()));
        return tombstone;
    }

    /** The tombstone, and the active legal holds until their ends (or open-ended). */
    private static List<ErasureCompleted.WithheldRecords> withheld(List<LegalHold> activeHolds) {
        List<ErasureCompleted.WithheldRecords> withheld = new ArrayList<>();
        withheld.add(new ErasureCompleted.WithheldRecords(DataCategory.RETENTION_TIMELINE,
                WithheldReason.ERASURE_RECORD, null));
        activeHolds.stream().map(LegalHold::endsOn).distinct().forEach(until -> withheld.add(
                new ErasureCompleted.WithheldRecords(DataCategory.RETENTION_TIMELINE, WithheldReason.LEGAL_HOLD,
                        until)));
        return withheld;
    }

    private static String json(Object codesAndCounts) {
        try {
            return EventCodec.mapper().writeValueAsString(codesAndCounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a receipt's codes as JSON", e);
        }
    }
}
