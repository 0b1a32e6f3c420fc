package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.DisclosureSource;
import com.justelegance.privacy.disclosure.domain.OrderRecipients;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository.NewEntry;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.persistence.ConcurrentChanges;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-person disclosure ledger: entries from orders (a batch of events at a time), disclosures the privacy
 * officer records, and the queries for access requests and for the records of processing.
 */
@ApplicationScoped
public class DisclosureLedger {

    private final DisclosureRepository disclosures;
    private final ConcurrentChanges changes;
    private final RecipientRepository recipients;
    private final SubjectKeys subjectKeys;
    private final AuditLog auditLog;
    private final Clock clock;

    public DisclosureLedger(DisclosureRepository disclosures, ConcurrentChanges changes, RecipientRepository recipients,
                            SubjectKeys subjectKeys, AuditLog auditLog, Clock clock) {
        this.disclosures = disclosures;
        this.changes = changes;
        this.recipients = recipients;
        this.subjectKeys = subjectKeys;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Records what each OrderPlaced in the batch sent to its courier, payment provider and marketplace, with the
     * data categories the registry gives each recipient, in one statement. Other events are ignored; an order
     * already in the ledger adds nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOrders(List<EventEnvelope<?>> events) {
        List<Order> orders = new ArrayList<>();
        Set<String> recipientCodes = new HashSet<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case OrderPlaced order -> {
                    List<String> reached = OrderRecipients.of(order);
                    orders.add(new Order(event, order, reached));
                    recipientCodes.addAll(reached);
                }
                default -> {
                    // Other storefront activity discloses nothing to a recipient.
                }
            }
        }
        if (orders.isEmpty()) {
            return;
        }
        Map<String, Recipient> registry = recipients.byCodes(recipientCodes);
        Map<String, String[]> categoriesOf = new HashMap<>();
        List<NewEntry> entries = new ArrayList<>();
        for (Order order : orders) {
            for (String code : order.recipients()) {
                Recipient recipient = registry.get(code);
                if (recipient == null) {
                    // Codes come from the event contract; a missing one is a registry mistake, not a bad event.
                    throw new IllegalStateException("Recipient " + code + " is not in the registry");
                }
                entries.add(new NewEntry(order.event().subjectId(), code, DisclosureSource.ORDER,
                        order.payload().orderId(),
                        categoriesOf.computeIfAbsent(code, c -> Disclosure.codes(recipient.dataCategories())),
                        recipient.lawfulBasis(), order.event().occurredAt()));
            }
        }
        disclosures.insertNew(entries, clock.instant());
    }

    /** A disclosure the privacy officer records: a police request, a fraud check, a credit reference. */
    @Transactional
    public Disclosure record(String subjectId, RecordedDisclosure request) {
        Recipient recipient = recipients.findByIdOptional(request.recipient()).orElseThrow(() ->
                new ProblemException(DisclosureProblem.UNKNOWN_RECIPIENT,
                        "No recipient is registered with code " + request.recipient()));
        Set<DataCategory> notRegistered = new HashSet<>(request.dataCategories());
        notRegistered.removeAll(recipient.dataCategories());
        if (!notRegistered.isEmpty()) {
            throw new ProblemException(DisclosureProblem.CATEGORY_NOT_REGISTERED, "The registry does not list "
                    + notRegistered.stream().sorted().toList() + " for " + recipient.code()
                    + "; update the registry first so the records of processing stay true");
        }
        if (request.legalBasis() == LawfulBasis.SOFT_OPT_IN) {
            throw new ProblemException(DisclosureProblem.INVALID_LEGAL_BASIS,
                    "SOFT_OPT_IN covers marketing messages, not a disclosure to a third party");
        }
        if (request.withholdFromSubject() && !recipient.mayBeWithheldFromSubject()) {
            throw new ProblemException(DisclosureProblem.WITHHOLDING_NOT_ALLOWED, "Only disclosures to law "
                    + "enforcement or fraud prevention may be withheld from the subject (DPA 2018 Sch. 2 para. 2)");
        }
        Instant now = clock.instant();
        if (request.disclosedAt().isAfter(now)) {
            throw new ProblemException(DisclosureProblem.DISCLOSED_IN_FUTURE, "disclosedAt must not be in the future");
        }
        if (disclosures.exists(subjectId, recipient.code(), DisclosureSource.RECORDED, request.reference())) {
            throw disclosureExists(recipient);
        }
        byte[] note = request.note() == null ? null : subjectKeys.encrypt(subjectId, request.note());
        Disclosure disclosure = new Disclosure(subjectId, recipient.code(), DisclosureSource.RECORDED,
                request.reference(), request.dataCategories(), request.legalBasis(), request.disclosedAt(), now,
                request.withholdFromSubject(), note);
        // The same disclosure recorded twice at once: both found none, the unique key lets one in.
        changes.saveOrConflict(() -> disclosures.persist(disclosure), () -> disclosureExists(recipient));
        auditLog.record("disclosure.recorded", subjectId, Map.of("recipient", recipient.code(),
                "legalBasis", request.legalBasis().name(), "withheldFromSubject", request.withholdFromSubject()));
        return disclosure;
    }

    /**
     * The subject's disclosures. The subject's own view (for an access response) leaves out those withheld under
     * DPA 2018 Sch. 2 para. 2; the privacy officer's view shows them, flagged, with the officer's notes.
     */
    @Transactional
    public List<SubjectDisclosure> forSubject(String subjectId, boolean privacyOfficerView) {
        List<Disclosure> found = disclosures.forSubject(subjectId, privacyOfficerView);
        auditLog.record("disclosure.subject.read", subjectId, Map.of("entries", found.size(),
                "includesWithheld", privacyOfficerView));
        return found.stream().map(d -> new SubjectDisclosure(d, privacyOfficerView && d.note() != null
                ? subjectKeys.decrypt(subjectId, d.note()).orElse(null) : null)).toList();
    }

    /** Disclosures to one recipient on the days [from, to], oldest first. */
    @Transactional
    public List<Disclosure> toRecipient(String recipientCode, LocalDate from, LocalDate to, int limit) {
        if (to.isBefore(from)) {
            throw new ProblemException(DisclosureProblem.INVALID_PERIOD, "to must not be before from");
        }
        recipients.findByIdOptional(recipientCode).orElseThrow(() -> RecipientRegistry.unknown(recipientCode));
        List<Disclosure> found = disclosures.toRecipient(recipientCode, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), limit);
        auditLog.record("disclosure.recipient.read", null, Map.of("recipient", recipientCode,
                "entries", found.size()));
        return found;
    }

    /** What the privacy officer records about a disclosure that did not come from an event. */
    public record RecordedDisclosure(String recipient, Set<DataCategory> dataCategories, LawfulBasis legalBasis,
                                     String reference, Instant disclosedAt, boolean withholdFromSubject,
                                     String note) {
    }

    /** A ledger entry with its note decrypted, when the viewer may see it. */
    public record SubjectDisclosure(Disclosure disclosure, String note) {
    }

    private record Order(EventEnvelope<?> event, OrderPlaced payload, List<String> recipients) {
    }

    private static ProblemException disclosureExists(Recipient recipient) {
        return new ProblemException(DisclosureProblem.DISCLOSURE_EXISTS, "A disclosure to " + recipient.code()
                + " with this reference is already recorded for the subject");
    }
}
