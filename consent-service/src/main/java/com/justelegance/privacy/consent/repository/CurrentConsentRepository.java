package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Current consent state per subject and purpose. */
@ApplicationScoped
public class CurrentConsentRepository implements PanacheRepositoryBase<CurrentConsent, CurrentConsent.Key> {

    public List<CurrentConsent> forSubject(String subjectId) {
        return list("subjectId = ?1 order by purposeCode", subjectId);
    }

    public Optional<CurrentConsent> find(String subjectId, String purposeCode) {
        return findByIdOptional(new CurrentConsent.Key(subjectId, purposeCode));
    }

    public long deleteForSubject(String subjectId) {
        return delete("subjectId", subjectId);
    }

    /** A granted consent given under a policy version older than a given one. */
    public record StaleConsent(String subjectId, String purpose, String policyVersion, Instant since) {
    }

    /**
     * Granted consents whose decision was made under a version that took effect before {@code latest}, a page of
     * subjects at a time in subject order (all of a subject's stale consents are on the same page).
     */
    public List<StaleConsent> grantedUnderVersionsBefore(PolicyVersion latest, String afterSubject, int subjects) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = getEntityManager().createNativeQuery("""
                        WITH stale AS (
                            SELECT s.subject_id, s.purpose_code, d.policy_version, s.since
                            FROM consent_state s
                            JOIN consent_decision d ON d.id = s.decision_id
                            JOIN policy_version v ON v.version = d.policy_version
                            WHERE s.state = 'GRANTED'
                              AND (v.effective_from, v.registered_at) < (:effectiveFrom, :registeredAt)
                              AND s.subject_id > :after),
                        page AS (SELECT DISTINCT subject_id FROM stale ORDER BY subject_id LIMIT :subjects)
                        SELECT stale.* FROM stale JOIN page USING (subject_id)
                        ORDER BY subject_id, purpose_code""", Tuple.class)
                .setParameter("effectiveFrom", latest.effectiveFrom())
                .setParameter("registeredAt", latest.registeredAt())
                .setParameter("after", afterSubject == null ? "" : afterSubject)
                .setParameter("subjects", subjects)
                .getResultList();
        return rows.stream().map(row -> new StaleConsent((String) row.get("subject_id"),
                (String) row.get("purpose_code"), (String) row.get("policy_version"),
                SqlTimes.instant(row.get("since"))))
                .toList();
    }
}
