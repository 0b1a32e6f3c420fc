package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.kit.persistence.SqlTimes;
import com.justelegance.privacy.retention.domain.SubjectAnchors;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Subjects' timelines and their entries. */
@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<SubjectTimeline, String> {

    private final EntityManager entityManager;

    public TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a batch's timeline entries in one statement. */
    public void addEntries(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO timeline_entry (event_id, subject_id, kind, occurred_at, recorded_at)
                        SELECT e.event_id, e.subject_id, e.kind, e.occurred_at, e.recorded_at
                        FROM unnest(:eventIds, :subjects, :kinds, :occurredAt, :recordedAt)
                             AS e (event_id, subject_id, kind, occurred_at, recorded_at)""")
                .setParameter("eventIds", entries.stream().map(TimelineEntry::eventId).toArray(UUID[]::new))
                .setParameter("subjects", entries.stream().map(TimelineEntry::subjectId).toArray(String[]::new))
                .setParameter("kinds", entries.stream().map(TimelineEntry::kind).toArray(String[]::new))
                .setParameter("occurredAt", entries.stream().map(TimelineEntry::occurredAt).toArray(Instant[]::new))
                .setParameter("recordedAt", entries.stream().map(TimelineEntry::recordedAt).toArray(Instant[]::new))
                .executeUpdate();
    }

    /**
     * Moves each subject's anchors forward to the given instants, creating timelines for new subjects, in one
     * statement, and returns every subject's anchors as they now stand. An anchor already later stays: an older
     * event arriving late never moves a date backwards. A reappearance keeps its first instant.
     * Subjects are written in key order so concurrent batches lock rows in the same order.
     */
    public Map<String, SubjectAnchors> advanceAnchors(Map<String, SubjectAnchors> anchorsBySubject, Instant now) {
        if (anchorsBySubject.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<String, SubjectAnchors>> subjects = List.copyOf(new TreeMap<>(anchorsBySubject).entrySet());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        INSERT INTO subject_timeline (subject_id, last_contact_at, last_order_at, account_opened_at,
                                                      account_closed_at, consent_withdrawn_at, reappeared_at,
                                                      updated_at)
                        SELECT a.subject_id, a.last_contact_at, a.last_order_at, a.account_opened_at,
                               a.account_closed_at, a.consent_withdrawn_at, a.reappeared_at, :now
                        FROM unnest(:subjects, :lastContact, :lastOrder, :accountOpened, :accountClosed,
                                    :consentWithdrawn, :reappeared)
                             WITH ORDINALITY AS a (subject_id, last_contact_at, last_order_at, account_opened_at,
                                                   account_closed_at, consent_withdrawn_at, reappeared_at, position)
                        ORDER BY a.position
                        ON CONFLICT (subject_id) DO UPDATE SET
                            last_contact_at = GREATEST(subject_timeline.last_contact_at, EXCLUDED.last_contact_at),
                            last_order_at = GREATEST(subject_timeline.last_order_at, EXCLUDED.last_order_at),
                            account_opened_at = GREATEST(subject_timeline.account_opened_at,
                                                         EXCLUDED.account_opened_at),
                            account_closed_at = GREATEST(subject_timeline.account_closed_at,
                                                         EXCLUDED.account_closed_at),
                            consent_withdrawn_at = GREATEST(subject_timeline.consent_withdrawn_at,
                                                            EXCLUDED.consent_withdrawn_at),
                            reappeared_at = COALESCE(subject_timeline.reappeared_at, EXCLUDED.reappeared_at),
                            updated_at = EXCLUDED.updated_at
                        RETURNING subject_id, last_contact_at, last_order_at, account_opened_at, account_closed_at,
                                  consent_withdrawn_at, reappeared_at""")
                .setParameter("now", now)
                .setParameter("subjects", subjects.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .setParameter("lastContact", anchors(subjects, SubjectAnchors::lastContactAt))
                .setParameter("lastOrder", anchors(subjects, SubjectAnchors::lastOrderAt))
                .setParameter("accountOpened", anchors(subjects, SubjectAnchors::accountOpenedAt))
                .setParameter("accountClosed", anchors(subjects, SubjectAnchors::accountClosedAt))
                .setParameter("consentWithdrawn", anchors(subjects, SubjectAnchors::consentWithdrawnAt))
                .setParameter("reappeared", anchors(subjects, SubjectAnchors::reappearedAt))
                .getResultList();
        Map<String, SubjectAnchors> current = new HashMap<>();
        for (Object[] row : rows) {
            current.put((String) row[0], new SubjectAnchors(SqlTimes.instant(row[1]), SqlTimes.instant(row[2]),
                    SqlTimes.instant(row[3]), SqlTimes.instant(row[4]), SqlTimes.instant(row[5]),
                    SqlTimes.instant(row[6])));
        }
        return current;
    }

    /** Sets the subjects' erasure due dates (null: not due) in one statement, writing only those that change. */
    public void setErasureDueDates(Map<String, Instant> dueBySubject) {
        if (dueBySubject.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Instant>> subjects = List.copyOf(new TreeMap<>(dueBySubject).entrySet());
        entityManager.createNativeQuery("""
                        UPDATE subject_timeline t SET erasure_due_at = d.due_at
                        FROM unnest(:subjects, :dueAt) AS d (subject_id, due_at)
                        WHERE t.subject_id = d.subject_id AND t.erasure_due_at IS DISTINCT FROM d.due_at""")
                .setParameter("subjects", subjects.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .setParameter("dueAt", subjects.stream().map(Map.Entry::getValue).toArray(Instant[]::new))
                .executeUpdate();
    }

    private static Instant[] anchors(List<Map.Entry<String, SubjectAnchors>> subjects,
                                     Function<SubjectAnchors, Instant> anchor) {
        return subjects.stream().map(subject -> anchor.apply(subject.getValue())).toArray(Instant[]::new);
    }

    /** Up to {@code size} timelines with subject ids after {@code afterSubjectId}, in subject id order. */
    public List<SubjectTimeline> pageAfter(String afterSubjectId, int size) {
        return find("subjectId > ?1 order by subjectId", afterSubjectId).page(0, size).list();
    }

    public Optional<SubjectTimeline> forSubject(String subjectId) {
        return findByIdOptional(subjectId);
    }

    public List<TimelineEntry> entries(String subjectId) {
        return entityManager.createQuery("from TimelineEntry where subjectId = :subject order by occurredAt, eventId",
                        TimelineEntry.class)
                .setParameter("subject", subjectId)
                .getResultList();
    }
}
