package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.retention.domain.RetentionPolicy;
import com.justelegance.privacy.retention.domain.RetentionRule;
import com.justelegance.privacy.retention.domain.RetentionRuleVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The retention rules in force and their history.
 *
 * <p>Reading the policy to compute due dates takes a shared lock that a rule change takes exclusively, so due
 * dates are never computed from rules a concurrent change is replacing.
 */
@ApplicationScoped
public class RetentionRuleRepository implements PanacheRepositoryBase<RetentionRule, String> {

    private static final long RULES_LOCK = 0x5245_5445_4e54_494fL;

    private final EntityManager entityManager;

    public RetentionRuleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The rules in force, locked against changes until the caller's transaction ends. */
    public RetentionPolicy policy() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:lock)")
                .setParameter("lock", RULES_LOCK)
                .getSingleResult();
        return new RetentionPolicy(inForce().stream().map(RetentionRule::term).toList());
    }

    /** Waits until no transaction is computing due dates from the current rules, and keeps others out. */
    public void lockForChange() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)")
                .setParameter("lock", RULES_LOCK)
                .getSingleResult();
    }

    public List<RetentionRule> inForce() {
        return list("order by category");
    }

    public void addVersion(RetentionRuleVersion version) {
        entityManager.persist(version);
    }

    /** The next version number of a category: one after the last in its history, including deletions. */
    public int nextVersion(String category) {
        Integer last = entityManager.createQuery(
                        "select max(v.version) from RetentionRuleVersion v where v.category = :category", Integer.class)
                .setParameter("category", category)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /** Every version, newest first, optionally of one category. */
    public List<RetentionRuleVersion> history(String category) {
        String filter = category == null ? "" : "where v.category = :category ";
        var query = entityManager.createQuery("from RetentionRuleVersion v " + filter + "order by v.id desc",
                RetentionRuleVersion.class);
        if (category != null) {
            query.setParameter("category", category);
        }
        return query.getResultList();
    }
}
