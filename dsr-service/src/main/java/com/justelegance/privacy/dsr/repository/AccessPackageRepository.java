package com.justelegance.privacy.dsr.repository;

import com.justelegance.privacy.dsr.domain.AccessPackageRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases' access packages. */
@ApplicationScoped
public class AccessPackageRepository implements PanacheRepositoryBase<AccessPackageRecord, UUID> {

    private final EntityManager entityManager;

    public AccessPackageRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The package behind a link, locked: of two downloads at once, each counts. */
    public Optional<AccessPackageRecord> lockByLinkHash(String linkHash) {
        return entityManager.createQuery("from AccessPackageRecord p where p.linkHash = ?1", AccessPackageRecord.class)
                .setParameter(1, linkHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * Deletes the documents of packages whose link expired or was used up, keeping the rows (and the withheld lists,
     * which the privacy officer answers for) as the cases' record; returns the cases whose package went.
     */
    public List<UUID> purge(Instant now) {
        List<UUID> due = entityManager.createQuery("""
                        select p.caseId from AccessPackageRecord p
                        where p.document is not null and (p.expiresAt <= :now or p.downloads >= p.maxDownloads)""",
                        UUID.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return due;
        }
        // The condition again: a download between the two statements must not lose its package early.
        entityManager.createQuery("""
                        update AccessPackageRecord p set p.document = null, p.purgedAt = :now, p.version = p.version + 1
                        where p.caseId in (:due) and p.document is not null
                          and (p.expiresAt <= :now or p.downloads >= p.maxDownloads)""")
                .setParameter("now", now)
                .setParameter("due", due)
                .executeUpdate();
        return due;
    }
}
