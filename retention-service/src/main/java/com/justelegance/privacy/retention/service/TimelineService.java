package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.domain.TimelineEntry;
import com.justelegance.privacy.retention.repository.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each subject's timeline: every contact the storefront or consent-service reports is recorded, and the
 * subject's last contact moves forward to it (never backwards: a late, older event only adds an entry).
 */
@ApplicationScoped
public class TimelineService {

    private final TimelineRepository timelines;
    private final AuditLog auditLog;
    private final Clock clock;

    public TimelineService(TimelineRepository timelines, AuditLog auditLog, Clock clock) {
        this.timelines = timelines;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Applies a batch of events inside the consumer's transaction; events that are not contacts are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContacts(List<EventEnvelope<?>> events) {
        Instant now = clock.instant();
        Map<String, Instant> latestPerSubject = new HashMap<>();
        for (EventEnvelope<?> event : events) {
            if (isContact(event)) {
                timelines.addEntry(new TimelineEntry(event.eventId(), event.subjectId(), event.eventType(),
                        event.occurredAt(), now));
                latestPerSubject.merge(event.subjectId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        latestPerSubject.forEach((subject, contactAt) -> timelines.advanceLastContact(subject, contactAt, now));
    }

    /** The subject's timeline, for the privacy officer. */
    @Transactional
    public Timeline timeline(String subjectId) {
        SubjectTimeline timeline = timelines.forSubject(subjectId).orElseThrow(() -> ProblemException.notFound(
                "subject-not-found", "No timeline is held for this subject"));
        List<TimelineEntry> entries = timelines.entries(subjectId);
        auditLog.record("retention.timeline.read", subjectId, Map.of("entries", entries.size()));
        return new Timeline(subjectId, timeline.lastContactAt(), entries);
    }

    /** A subject's last contact and the entries it was derived from. */
    public record Timeline(String subjectId, Instant lastContactAt, List<TimelineEntry> entries) {
    }

    private static boolean isContact(EventEnvelope<?> event) {
        return switch (event.payload()) {
            case OrderPlaced ignored -> true;
            case CustomerContacted ignored -> true;
            case AccountOpened ignored -> true;
            case AccountClosed ignored -> true;
            case ConsentChanged ignored -> true;
            default -> false;
        };
    }
}
