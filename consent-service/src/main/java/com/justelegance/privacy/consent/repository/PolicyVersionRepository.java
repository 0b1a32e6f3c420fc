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
