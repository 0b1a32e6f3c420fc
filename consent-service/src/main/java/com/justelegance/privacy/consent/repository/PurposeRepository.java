package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.Purpose;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The purpose catalogue. */
@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {

    public List<Purpose> listByCode() {
        return list("order by code");
    }

    /**
     * Serialises changes to one purpose until the transaction ends: two privacy officers adding or editing the same
     * purpose at once are handled one after the other, so the second sees what the first did.
     */
    public void lockCode(String code) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "purpose:" + code)
                .getSingleResult();
    }

    /**
     * The purposes an objection to direct marketing ends: marketing channels, and profiling or targeting for
     * marketing.
     */
    public List<Purpose> endedByMarketingObjection() {
        return list("directMarketing = true or marketingProfiling = true order by code");
    }

    /** The purposes Global Privacy Control opts out of. */
    public List<Purpose> saleOrSharing() {
        return list("saleOrSharing = true order by code");
    }
}
