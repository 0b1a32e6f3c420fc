package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientTerms;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.persistence.ConcurrentChanges;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** The recipient registry as the privacy officer keeps it: every change is checked and audited. */
@ApplicationScoped
public class RecipientRegistry {

    private final RecipientRepository recipients;
    private final ConcurrentChanges changes;
    private final AuditLog auditLog;

    public RecipientRegistry(RecipientRepository recipients, ConcurrentChanges changes, AuditLog auditLog) {
        this.recipients = recipients;
        this.changes = changes;
        this.auditLog = auditLog;
    }

    @Transactional
    public List<Recipient> all() {
        return recipients.allByCode();
    }

    @Transactional
    public Recipient one(String code) {
        return recipients.findByIdOptional(code).orElseThrow(() -> unknown(code));
    }

    @Transactional
    public Recipient register(String code, RecipientTerms terms) {
        requireSound(terms);
        if (recipients.findByIdOptional(code).isPresent()) {
            throw exists(code);
        }
        Recipient recipient = new Recipient(code, terms);
        recipients.persist(recipient);
        // Registrations of the same code at once all found it free; the primary key lets one in.
        changes.saveOrConflict(() -> exists(code));
        auditLog.record("disclosure.recipient.registered", null, Map.of("recipient", code));
        return recipient;
    }

    /**
     * Replaces the recipient's terms. {@code expectedVersion}, when given, must be the version the caller last read;
     * changes made at once from the same version are refused but for the first.
     */
    @Transactional
    public Recipient update(String code, RecipientTerms terms, Long expectedVersion) {
        requireSound(terms);
        Recipient recipient = recipients.findByIdOptional(code).orElseThrow(() -> unknown(code));
        if (expectedVersion != null && recipient.version() != expectedVersion) {
            throw versionConflict(code);
        }
        recipient.apply(terms);
        changes.saveOrConflict(() -> versionConflict(code));
        auditLog.record("disclosure.recipient.updated", null, Map.of("recipient", code));
        return recipient;
    }

    /** The problem for a recipient code the registry does not know. */
    public static ProblemException unknown(String code) {
        return new ProblemException(DisclosureProblem.RECIPIENT_NOT_FOUND,
                "No recipient is registered with code " + code);
    }

    private static ProblemException exists(String code) {
        return new ProblemException(DisclosureProblem.RECIPIENT_EXISTS, "A recipient with code " + code
                + " is already registered; change it with PUT");
    }

    private static ProblemException versionConflict(String code) {
        return new ProblemException(DisclosureProblem.RECIPIENT_VERSION_CONFLICT, "Recipient " + code
                + " was changed since the version given; read it again before changing it");
    }

    private static void requireSound(RecipientTerms terms) {
        List<String> problems = terms.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(DisclosureProblem.INVALID_RECIPIENT, String.join("; ", problems));
        }
    }
}
