package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.retention.domain.RetentionAction;
import com.justelegance.privacy.retention.domain.RetentionAnchor;
import com.justelegance.privacy.retention.domain.RetentionRule;
import com.justelegance.privacy.retention.domain.RetentionRuleVersion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request and response bodies of the retention rules API. */
public final class RetentionRuleDtos {

    private RetentionRuleDtos() {
    }

    /**
     * A rule's terms.
     *
     * @param period          ISO-8601 years, months, weeks or days, e.g. {@code P6Y}
     * @param expectedVersion the version last read, to refuse a change made meanwhile by someone else; optional
     */
    public record RuleRequest(@NotNull RetentionAnchor anchor,
                              @NotBlank @Size(max = 40) String period,
                              @NotNull RetentionAction action,
                              @NotBlank @Size(max = 500) String reason,
                              @PositiveOrZero Integer expectedVersion) {
    }

    /** A rule in force. */
    public record RuleView(String category, RetentionAnchor anchor, String period, RetentionAction action,
                           String reason, int version, Instant changedAt, String changedBy) {

        static RuleView of(RetentionRule rule) {
            return new RuleView(rule.category(), rule.anchor(), rule.period(), rule.action(), rule.reason(),
                    rule.version(), rule.changedAt(), rule.changedBy());
        }
    }

    /** One version of a rule. */
    public record RuleVersionView(String category, int version, RetentionRuleVersion.Change change,
                                  RetentionAnchor anchor, String period, RetentionAction action, String reason,
                                  Instant changedAt, String changedBy) {

        static RuleVersionView of(RetentionRuleVersion version) {
            return new RuleVersionView(version.category(), version.version(), version.change(), version.anchor(),
                    version.period(), version.action(), version.reason(), version.changedAt(),
                    version.changedBy());
        }
    }
}
