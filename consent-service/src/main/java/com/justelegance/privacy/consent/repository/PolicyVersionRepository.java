package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.PolicyVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Registered privacy-policy / notice versions, ordered by when they take effect. */
@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, String> {

    /**
     * Registers the version unless one with the same label exists; true when this call registered it. A concurrent
     * registration of the same label waits for the first to commit, then finds it.
     */
    public boolean insertIfAbsent(PolicyVersion version) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO policy_version (version, effective_from, wording_hash, significant, url, registered_at)
                        VALUES (:version, :effectiveFrom, :wordingHash, :significant, :url, :registeredAt)
                        ON CONFLICT (version) DO NOTHING""")
                .setParameter("version", version.version())
                .setParameter("effectiveFrom", version.effectiveFrom())
                .setParameter("wordingHash", version.wordingHash())
                .setParameter("significant", version.significant())
                .setParameter("url", version.url())
                .setParameter("registeredAt", version.registeredAt())
                .executeUpdate() == 1;
    }

    public List<PolicyVersion> newestFirst() {
        return list("order by effectiveFrom desc, registeredAt desc");
    }

    /** The version in force on a day: the newest one that has taken effect. */
    public Optional<PolicyVersion> inForceOn(LocalDate day) {
        return find("effectiveFrom <= ?1 order by effectiveFrom desc, registeredAt desc", day).firstResultOptional();
    }

    /** The newest significant version that has taken effect by a day. */
    public Optional<PolicyVersion> latestSignificantOn(LocalDate day) {
        return find("significant = true and effectiveFrom <= ?1 order by effectiveFrom desc, registeredAt desc", day)
                .firstResultOptional();
    }
}
