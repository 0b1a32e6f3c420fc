package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.retention.domain.HoldReason;
import com.justelegance.privacy.retention.domain.RetentionPolicy;
import com.justelegance.privacy.retention.domain.SubjectAnchors;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.domain.TimelineEntry;
import com.justelegance.privacy.retention.repository.RetentionRuleRepository;
import com.justelegance.privacy.retention.repository.TimelineRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps each subject's timeline: every contact the storefront or consent-service reports is recorded, the
 * subject's anchors (last contact, last order, account opened and closed, consent withdrawn) move forward to it,
 * and the erasure due date is recomputed from the rules in force. Anchors never move backwards: a late, older
 * event only adds an entry.
 */
@ApplicationScoped
public class Timelines {

    private final TimelineRepository timelines;
    private final RetentionRuleRepository rules;
    private final SubjectTombstones tombstones;
    private final Holds holds;
    private final AuditLog auditLog;
    private final Clock clock;

    public Timelines(TimelineRepository timelines, RetentionRuleRepository rules, SubjectTombstones tombstones,
                     Holds holds, AuditLog auditLog, Clock clock) {
        this.timelines = timelines;
        this.rules = rules;
        this.tombstones = tombstones;
        this.holds = holds;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Applies a batch of events inside the consumer's transaction; events that are not contacts are ignored. A
     * contact for a subject who was erased means their data reappeared somewhere (a late order, a restored
     * backup): the subject is due for erasure again at once, and the next purge run requests it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContacts(List<EventEnvelope<?>> events) {
        Instant now = clock.instant();
        Set<String> erased = erasedSubjects(events);
        Map<String, SubjectAnchors> advances = new HashMap<>();
        List<TimelineEntry> entries = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            Optional<SubjectAnchors> anchors = anchorsOf(event);
            boolean reappeared = erased.contains(event.subjectId());
            if (anchors.isEmpty() || reappeared && confirmsErasure(event)) {
                continue;
            }
            entries.add(new TimelineEntry(event.eventId(), event.subjectId(), event.eventType(), event.occurredAt(),
                    now));
            advances.merge(event.subjectId(), reappeared ? anchors.get().reappearedAt(now) : anchors.get(),
                    SubjectAnchors::merge);
        }
        if (advances.isEmpty()) {
            return;
        }
        if (advances.keySet().stream().anyMatch(erased::contains)) {
            Log.infof("Data reappeared for erased subjects in a batch of %d events; their erasure is due again",
                    events.size());
        }
        // Set-based, a statement each for the whole batch: the entries, the anchors (which return where they now
        // stand), and the due dates the rules give those anchors.
        timelines.addEntries(entries);
        Map<String, SubjectAnchors> current = timelines.advanceAnchors(advances, now);
        RetentionPolicy policy = rules.policy();
        Map<String, Instant> due = new HashMap<>();
        current.forEach((subject, anchors) -> due.put(subject, policy.erasureDueAt(anchors).orElse(null)));
        timelines.setErasureDueDates(due);
    }

    /** The subject's timeline, and what holds it from being purged today. */
    @Transactional
    public Timeline timeline(String subjectId) {
        SubjectTimeline timeline = timelines.forSubject(subjectId).orElseThrow(() -> new ProblemException(
                RetentionProblem.SUBJECT_NOT_FOUND, "No timeline is held for this subject"));
        List<TimelineEntry> entries = timelines.entries(subjectId);
        List<HoldReason> heldBy = holds.reasonsHolding(subjectId);
        auditLog.record("retention.timeline.read", subjectId, Map.of("entries", entries.size(),
                "held", !heldBy.isEmpty()));
        return new Timeline(timeline, entries, heldBy);
    }

    /** A subject's anchors and due date, the entries they were derived from, and what holds it today. */
    public record Timeline(SubjectTimeline subject, List<TimelineEntry> entries, List<HoldReason> heldBy) {
    }

    /** The subjects of the batch who have a tombstone. */
    private Set<String> erasedSubjects(List<EventEnvelope<?>> events) {
        return tombstones.findAll(events.stream().map(EventEnvelope::subjectId).collect(Collectors.toSet())).keySet();
    }

    /**
     * Whether the event only confirms an erasure that happened (the storefront closing the account because of it,
     * consent-service recording that consent no longer holds): no data reappeared.
     */
    private static boolean confirmsErasure(EventEnvelope<?> event) {
        return switch (event.payload()) {
            case AccountClosed closed -> closed.reason() == AccountClosureReason.ERASURE;
            case ConsentChanged changed -> !changed.allowsProcessing();
            default -> false;
        };
    }

    /** What a contact event says about the subject's anchors; empty for events that are not contacts. */
    private static Optional<SubjectAnchors> anchorsOf(EventEnvelope<?> event) {
        Instant at = event.occurredAt();
        SubjectAnchors contact = new SubjectAnchors(at, null, null, null, null, null);
        return switch (event.payload()) {
            case OrderPlaced ignored -> Optional.of(new SubjectAnchors(at, at, null, null, null, null));
            case CustomerContacted ignored -> Optional.of(contact);
            case AccountOpened ignored -> Optional.of(new SubjectAnchors(at, null, at, null, null, null));
            case AccountClosed ignored -> Optional.of(new SubjectAnchors(at, null, null, at, null, null));
            case ConsentChanged changed -> Optional.of(changed.state() == ConsentState.WITHDRAWN
                    ? new SubjectAnchors(at, null, null, null, at, null) : contact);
            default -> Optional.empty();
        };
    }
}
