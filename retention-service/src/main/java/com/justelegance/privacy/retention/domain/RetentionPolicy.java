package com.justelegance.privacy.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The retention rules in force, and what they mean for one subject: when the subject's data must be erased.
 *
 * <p>A rule applies to a subject when the subject has records of its kind (every subject has contacts; orders,
 * an account or a consent withdrawal only some). A subject is due for erasure when every rule that applies has
 * run its period; while an applicable rule's anchor has not happened yet (the account is still open) the subject
 * is not due at all. Data that reappeared after an erasure is due again at once.
 */
public final class RetentionPolicy {

    private final List<Term> terms;

    public RetentionPolicy(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** One rule as the policy evaluates it. */
    public record Term(String category, RetentionAnchor anchor, RetentionPeriod period) {
    }

    public List<Term> terms() {
        return terms;
    }

    /** When the subject's data must be erased, or empty while an applicable rule's anchor is still pending. */
    public Optional<Instant> erasureDueAt(SubjectAnchors subject) {
        if (subject.reappearedAt() != null) {
            return Optional.of(subject.reappearedAt());
        }
        Instant due = null;
        for (Term term : terms) {
            switch (anchorOf(term.anchor(), subject)) {
                case Anchoring.Absent absent -> {
                }
                case Anchoring.Pending pending -> {
                    return Optional.empty();
                }
                case Anchoring.At at -> {
                    Instant end = term.period().after(at.instant());
                    due = due == null || end.isAfter(due) ? end : due;
                }
            }
        }
        return Optional.ofNullable(due);
    }

    private static Anchoring anchorOf(RetentionAnchor anchor, SubjectAnchors subject) {
        return switch (anchor) {
            case LAST_CONTACT -> at(subject.lastContactAt());
            case ORDER_DATE -> at(subject.lastOrderAt());
            case CONSENT_WITHDRAWN -> at(subject.consentWithdrawnAt());
            case ACCOUNT_CLOSED -> subject.accountOpen() ? new Anchoring.Pending() : at(subject.accountClosedAt());
        };
    }

    private static Anchoring at(Instant instant) {
        return instant == null ? new Anchoring.Absent() : new Anchoring.At(instant);
    }

    /** Where a rule's anchor stands for one subject. */
    private sealed interface Anchoring {

        /** The subject has no records the rule is about. */
        record Absent() implements Anchoring {
        }

        /** The rule applies but its anchor has not happened yet. */
        record Pending() implements Anchoring {
        }

        /** The anchor happened at this instant. */
        record At(Instant instant) implements Anchoring {
        }
    }
}
