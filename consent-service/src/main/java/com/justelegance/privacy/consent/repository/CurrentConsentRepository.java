package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.CurrentConsent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

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

    /**
     * Serialises decisions about one subject until the transaction ends, so two decisions arriving at once
     * cannot both see the old state and both publish a change.
     */
    public void lockSubject(String subjectId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:subject, 0))")
                .setParameter("subject", subjectId)
                .getSingleResult();
    }
}
