package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.retention.domain.RetentionAction;
import com.justelegance.privacy.retention.domain.RetentionAnchor;
import com.justelegance.privacy.retention.domain.RetentionPeriod;
import com.justelegance.privacy.retention.domain.RetentionPolicy;
import com.justelegance.privacy.retention.domain.RetentionRule;
import com.justelegance.privacy.retention.domain.RetentionRuleVersion;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.repository.RetentionRuleRepository;
import com.justelegance.privacy.retention.repository.TimelineRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy officer's retention rules: read, create or change one (a new version each time, with who and
 * when), delete one, and the history. A change recomputes every subject's erasure due date in the same
 * transaction, so the purge job never works from dates the rules no longer give.
 */
@ApplicationScoped
public class RetentionRules {

    private static final int RECOMPUTE_PAGE = 1000;

    private final RetentionRuleRepository rules;
    private final TimelineRepository timelines;
    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final Clock clock;

    public RetentionRules(RetentionRuleRepository rules, TimelineRepository timelines,
                          EntityManager entityManager, AuditLog auditLog, Clock clock) {
        this.rules = rules;
        this.timelines = timelines;
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A rule's terms as the privacy officer submits them. */
    public record RuleTerms(RetentionAnchor anchor, String period, RetentionAction action, String reason) {
    }

    /** The rule after a change, and whether the change created it or changed anything at all. */
    public record RuleChange(RetentionRule rule, boolean created, boolean changed) {
    }

    @Transactional
    public List<RetentionRule> rulesInForce() {
        return rules.inForce();
    }

    @Transactional
    public List<RetentionRuleVersion> history(String category) {
        return rules.history(category);
    }

    /**
     * Creates or changes the rule of a category. {@code expectedVersion}, when given, must be the version the
     * caller last read, so two officers editing at once cannot overwrite each other unseen.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public RuleChange put(String category, RuleTerms terms, Integer expectedVersion, String actor) {
        RetentionPeriod period = validPeriod(terms.period());
        rules.lockForChange();
        Optional<RetentionRule> existing = rules.findByIdOptional(category);
        requireVersion(existing, expectedVersion);
        RetentionRule rule = existing.orElseGet(() -> new RetentionRule(category, rules.nextVersion(category)));
        Instant now = clock.instant();
        if (!rule.change(terms.anchor(), period, terms.action(), terms.reason().strip(), now, actor)) {
            return new RuleChange(rule, false, false);
        }
        if (existing.isEmpty()) {
            rules.persist(rule);
        }
        RetentionRuleVersion.Change change = existing.isEmpty()
                ? RetentionRuleVersion.Change.CREATED : RetentionRuleVersion.Change.UPDATED;
        recordChange(rule, change, now, actor);
        return new RuleChange(rule, existing.isEmpty(), true);
    }

    /** Deletes the rule of a category; its history stays. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public void delete(String category, Integer expectedVersion, String actor) {
        rules.lockForChange();
        Optional<RetentionRule> existing = rules.findByIdOptional(category);
        RetentionRule rule = existing.orElseThrow(() -> new ProblemException(RetentionProblem.RULE_NOT_FOUND,
                "There is no retention rule for category " + category));
        requireVersion(existing, expectedVersion);
        rules.delete(rule);
        recordChange(rule, RetentionRuleVersion.Change.DELETED, clock.instant(), actor);
    }

    private void recordChange(RetentionRule rule, RetentionRuleVersion.Change change, Instant now, String actor) {
        entityManager.flush();
        List<RetentionRule> inForce = rules.inForce();
        if (inForce.stream().noneMatch(r -> r.anchor() == RetentionAnchor.LAST_CONTACT)) {
            throw new ProblemException(RetentionProblem.GENERAL_RULE_REQUIRED,
                    "At least one rule must run from the last contact, so that every subject's data has an end date");
        }
        int version = change == RetentionRuleVersion.Change.DELETED ? rules.nextVersion(rule.category())
                : rule.version();
        rules.addVersion(new RetentionRuleVersion(rule, version, change, now, actor));
        auditLog.record("retention.rule." + change.name().toLowerCase(), null, Map.of("category", rule.category(),
                "version", version, "anchor", rule.anchor().name(), "period", rule.period(),
                "action", rule.action().name()));
        int subjects = recomputeDueDates(new RetentionPolicy(inForce.stream().map(RetentionRule::term).toList()));
        Log.infof("Retention rule %s %s (version %d); due dates recomputed for %d subjects", rule.category(),
                change.name().toLowerCase(), version, subjects);
    }

    private int recomputeDueDates(RetentionPolicy policy) {
        String after = "";
        int recomputed = 0;
        while (true) {
            List<SubjectTimeline> page = timelines.pageAfter(after, RECOMPUTE_PAGE);
            if (page.isEmpty()) {
                return recomputed;
            }
            page.forEach(timeline -> timeline.applyPolicy(policy));
            entityManager.flush();
            entityManager.clear();
            after = page.getLast().subjectId();
            recomputed += page.size();
        }
    }

    private static void requireVersion(Optional<RetentionRule> existing, Integer expectedVersion) {
        if (expectedVersion != null && existing.map(RetentionRule::version).orElse(0) != expectedVersion) {
            throw new ProblemException(RetentionProblem.RULE_VERSION_CONFLICT, "The rule is at version "
                    + existing.map(RetentionRule::version).orElse(0) + ", not " + expectedVersion
                    + "; read it again before changing it");
        }
    }

    private static RetentionPeriod validPeriod(String period) {
        try {
            return RetentionPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(RetentionProblem.INVALID_RETENTION_PERIOD, e.getMessage());
        }
    }
}
