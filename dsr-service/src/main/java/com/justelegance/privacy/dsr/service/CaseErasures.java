package com.justelegance.privacy.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.dsr.certificate.SignedCertificate;
import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.ErasureStatus;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Carries out an erasure request: publishes {@link ErasureRequested} for the case's subject, tracks a receipt from
 * every expected participant with the kit's {@link ErasureReceipts} (the erasure's request id is the case's id), and
 * closes the case when the last receipt is in, with a signed {@link ErasureCertificate}: completed, or partially
 * completed when a participant kept data for a reason of its own (a legal obligation, a claim, a hold). The tombstone
 * and the suppression entry every participant keeps are what erasure means, so they do not make it partial.
 */
@ApplicationScoped
public class CaseErasures {

    private final Cases cases;
    private final CaseRepository repository;
    private final ErasureReceipts receipts;
    private final Outbox outbox;
    private final ErasureCertificates certificates;
    private final Event<CaseLetters.ErasureCertified> certified;
    private final ObjectMapper json;
    private final String serviceName;

    public CaseErasures(Cases cases, CaseRepository repository, ErasureReceipts receipts, Outbox outbox,
                        ErasureCertificates certificates, Event<CaseLetters.ErasureCertified> certified,
                        ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.cases = cases;
        this.repository = repository;
        this.receipts = receipts;
        this.outbox = outbox;
        this.certificates = certificates;
        this.certified = certified;
        this.json = json;
        this.serviceName = serviceName;
    }

    /** Asks every participant to erase the case's subject; the case then waits for their receipts. */
    @Transactional
    public Cases.CaseFile request(UUID caseId, String actor) {
        RequestCase requestCase = cases.actionableCase(caseId, SubjectRequestType.ERASURE, "request the erasure");
        String requestId = requestId(requestCase);
        receipts.track(List.of(new ErasureReceipts.NewErasure(requestId, requestCase.subjectId(),
                ErasureReason.DATA_SUBJECT_REQUEST)), caseId, cases.now());
        outbox.publish(requestCase.subjectId(),
                new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, serviceName));
        cases.move(requestCase, CaseStatus.AWAITING_OTHER_SERVICES, actor, "erasure-requested", null);
        return cases.file(requestCase);
    }

    /** Where the case's erasure stands: the receipts in, who is still to answer, and whether that is late. */
    @Transactional
    public Optional<ErasureStatus> status(UUID caseId) {
        return receipts.status(caseId.toString());
    }

    /** Which of these cases' erasures are still missing a receipt after the time allowed. */
    public Set<UUID> overdueAmong(Collection<UUID> caseIds) {
        return receipts.overdueAmong(caseIds.stream().map(UUID::toString).toList()).stream()
                .map(UUID::fromString).collect(Collectors.toSet());
    }

    /**
     * Records a batch of receipts in the consumer's transaction, and closes each case whose erasure they
     * completed. A receipt for an erasure another service requested is skipped by the kit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReceipts(List<EventEnvelope<?>> events) {
        receipts.recordReceipts(events);
        Set<String> answered = new LinkedHashSet<>();
        for (EventEnvelope<?> event : events) {
            if (event.payload() instanceof ErasureCompleted receipt) {
                answered.add(receipt.requestId());
            }
        }
        for (String requestId : answered) {
            caseOf(requestId).ifPresent(caseId -> closeIfAnswered(caseId, requestId));
        }
    }

    private void closeIfAnswered(UUID caseId, String requestId) {
        Optional<ErasureStatus> status = receipts.status(requestId);
        if (status.isEmpty() || status.get().request().closedAt() == null) {
            return;
        }
        // Locked: of two batches that both see the erasure closed, the second finds the case closed already.
        RequestCase requestCase = repository.lock(caseId).orElse(null);
        if (requestCase == null || requestCase.status() != CaseStatus.AWAITING_OTHER_SERVICES) {
            return;
        }
        // The Art. 19 recipients come with the receipts (disclosure-service's names those it told).
        SignedCertificate certificate = certificates.sign(ErasureCertificate.fromErasureStatus(status.get(),
                requestCase.reference(), requestCase.receivedOn(), ErasureCertificate.recipientsOf(status.get()),
                cases.now()));
        repository.saveCertificate(caseId, certificate.certificate().certificateId(),
                certificate.certificate().issuedAt(), toJson(certificate));
        boolean partially = certificate.certificate().outcome() == ErasureCertificate.Outcome.PARTIALLY_COMPLETED;
        cases.close(requestCase, partially ? CaseStatus.PARTIALLY_COMPLETED : CaseStatus.COMPLETED, null,
                Cases.SYSTEM_ACTOR, partially ? "erasure-partially-completed" : "erasure-completed", null);
        // The completion letter goes once this transaction has committed (CaseLetters observes it).
        certified.fire(new CaseLetters.ErasureCertified(caseId, certificate.certificate()));
    }

    private Optional<UUID> caseOf(String requestId) {
        try {
            return Optional.of(UUID.fromString(requestId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The signed certificate the case's erasure ended with, as issued. */
    @Transactional
    public Optional<String> certificate(UUID caseId) {
        return repository.certificate(caseId);
    }

    private String toJson(SignedCertificate certificate) {
        try {
            return json.writeValueAsString(certificate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A certificate could not be written", e);
        }
    }

    private static String requestId(RequestCase requestCase) {
        return requestCase.id().toString();
    }
}
