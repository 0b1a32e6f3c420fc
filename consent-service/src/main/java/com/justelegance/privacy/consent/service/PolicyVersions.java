package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository.StaleConsent;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.PolicyVersionRepository;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Privacy-policy / notice versions and the report of consents given under a version older than the latest
 * significant one: the people who must be shown the change again.
 */
@ApplicationScoped
public class PolicyVersions {

    private final PolicyVersionRepository versions;
    private final CurrentConsentRepository currentConsents;
    private final AuditLog auditLog;
    private final Clock clock;

    public PolicyVersions(PolicyVersionRepository versions, CurrentConsentRepository currentConsents,
                          AuditLog auditLog, Clock clock) {
        this.versions = versions;
        this.currentConsents = currentConsents;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public List<PolicyVersion> all() {
        return versions.newestFirst();
    }

    @Transactional
    public PolicyVersion register(String version, LocalDate effectiveFrom, String wordingHash, boolean significant,
                                  String url) {
        PolicyVersion registered = new PolicyVersion(version, effectiveFrom, wordingHash, significant, url,
                clock.instant());
        // One conditional insert: of two registrations of the same version at once, exactly one gets the row.
        if (!versions.insertIfAbsent(registered)) {
            throw new ProblemException(ConsentProblem.POLICY_VERSION_EXISTS,
                    "Policy version " + version + " is already registered; a registered version never changes");
        }
        auditLog.record("consent.policy-version.registered", null,
                Map.of("version", version, "significant", significant, "effectiveFrom", effectiveFrom.toString()));
        return registered;
    }

    /**
     * @param latestSignificant the version the consents predate, or null when no significant version is in force
     * @param consents          a page of subjects' granted consents given under older versions
     */
    public record StaleConsentReport(PolicyVersion latestSignificant, List<StaleConsent> consents) {
    }

    /** A page of subjects (after {@code afterSubject}, in id order) whose consents predate the latest significant version. */
    @Transactional
    public StaleConsentReport consentsPredatingLatestSignificant(String afterSubject, int subjects) {
        PolicyVersion latest = versions.latestSignificantOn(LocalDate.now(clock)).orElse(null);
        List<StaleConsent> stale = latest == null ? List.of()
                : currentConsents.grantedUnderVersionsBefore(latest, afterSubject, subjects);
        auditLog.record("consent.report.stale-consents.read", null, Map.of("consents", stale.size(),
                "version", latest == null ? "" : latest.version()));
        return new StaleConsentReport(latest, stale);
    }
}
