package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.domain.PurposeTerms;
import com.justelegance.privacy.consent.repository.PurposeRepository;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * The purpose catalogue, seeded from the privacy policy and kept by the privacy officer. Purposes are added and
 * edited, never removed: decisions refer to them. Every change is audited.
 */
@ApplicationScoped
public class PurposeCatalogue {

    private final PurposeRepository purposes;
    private final AuditLog auditLog;

    public PurposeCatalogue(PurposeRepository purposes, AuditLog auditLog) {
        this.purposes = purposes;
        this.auditLog = auditLog;
    }

    @Transactional
    public List<Purpose> all() {
        return purposes.listByCode();
    }

    /** The purpose after saving, and whether it was new. */
    public record Saved(Purpose purpose, boolean created) {
    }

    /**
     * Adds the purpose when no version is expected, or replaces the terms of the version the caller read; the code
     * never changes. Adding one that exists, or changing from a version that is no longer current, is a conflict:
     * of two officers editing at once, one wins and the other is told to read the purpose again.
     */
    @Transactional
    public Saved save(String code, PurposeTerms terms, Long expectedVersion) {
        terms.violation().ifPresent(rule -> {
            throw new ProblemException(ConsentProblem.INCONSISTENT_PURPOSE, rule);
        });
        purposes.lockCode(code);
        Purpose existing = purposes.findByIdOptional(code).orElse(null);
        if (existing != null) {
            if (expectedVersion == null) {
                throw new ProblemException(ConsentProblem.PURPOSE_EXISTS, "Purpose " + code
                        + " already exists; to change it, send expectedVersion with the version you read");
            }
            if (existing.version() != expectedVersion) {
                throw new ProblemException(ConsentProblem.PURPOSE_VERSION_CONFLICT, "Purpose " + code
                        + " has changed since the version in expectedVersion; read it again and re-apply the change");
            }
            existing.change(terms);
            auditLog.record("consent.purpose.changed", null, details(existing));
            return new Saved(existing, false);
        }
        if (expectedVersion != null) {
            throw new ProblemException(ConsentProblem.PURPOSE_NOT_FOUND, "Purpose " + code
                    + " does not exist; add it without expectedVersion");
        }
        Purpose added = new Purpose(code, terms);
        purposes.persist(added);
        auditLog.record("consent.purpose.added", null, details(added));
        return new Saved(added, true);
    }

    private static Map<String, Object> details(Purpose purpose) {
        return Map.of("purpose", purpose.code(), "version", purpose.version(), "channel", purpose.channel().name(),
                "lawfulBasis", purpose.lawfulBasis().name(), "softOptInAllowed", purpose.softOptInAllowed(),
                "saleOrSharing", purpose.saleOrSharing(), "directMarketing", purpose.directMarketing());
    }
}
