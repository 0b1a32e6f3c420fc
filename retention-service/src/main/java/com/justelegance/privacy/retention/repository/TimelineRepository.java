package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.kit.persistence.SqlTimes;
import com.justelegance.privacy.retention.domain.SubjectAnchors;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Subjects' timelines and their entries. */
@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<SubjectTimeline, String> {

    private final EntityManager entityManager;

    public TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void addEntry(TimelineEntry entry) {
        entityManager.persist(entry);
    }

    /**
     * Moves each subject's anchors forward to the given instants, creating timelines for new subjects, in one
     * JDBC batch. An anchor already later stays: an older event arriving late never moves a date backwards. A
     * reappearance keeps its first instant.
     * Subjects are written in key order so concurrent batches lock rows in the same order.
     */
    public void advanceAnchors(Map<String, SubjectAnchors> anchorsBySubject, Instant now) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO subject_timeline (subject_id, last_contact_at, last_order_at, account_opened_at,
                                                  account_closed_at, consent_withdrawn_at, reappeared_at,
                                                  updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (subject_id) DO UPDATE SET
                        last_contact_at = GREATEST(subject_timeline.last_contact_at, EXCLUDED.last_contact_at),
                        last_order_at = GREATEST(subject_timeline.last_order_at, EXCLUDED.last_order_at),
                        account_opened_at = GREATEST(subject_timeline.account_opened_at, EXCLUDED.account_opened_at),
                        account_closed_at = GREATEST(subject_timeline.account_closed_at, EXCLUDED.account_closed_at),
                        consent_withdrawn_at = GREATEST(subject_timeline.consent_withdrawn_at,
                                                        EXCLUDED.consent_withdrawn_at),
                        reappeared_at = COALESCE(subject_timeline.reappeared_at, EXCLUDED.reappeared_at),
                        updated_at = EXCLUDED.updated_at""")) {
                for (Map.Entry<String, SubjectAnchors> subject : new TreeMap<>(anchorsBySubject).entrySet()) {
                    SubjectAnchors anchors = subject.getValue();
                    upsert.setString(1, subject.getKey());
                    SqlTimes.set(upsert, 2, anchors.lastContactAt());
                    SqlTimes.set(upsert, 3, anchors.lastOrderAt());
                    SqlTimes.set(upsert, 4, anchors.accountOpenedAt());
                    SqlTimes.set(upsert, 5, anchors.accountClosedAt());
                    SqlTimes.set(upsert, 6, anchors.consentWithdrawnAt());
                    SqlTimes.set(upsert, 7, anchors.reappearedAt());
                    SqlTimes.set(upsert, 8, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public List<SubjectTimeline> forSubjects(Collection<String> subjectIds) {
        return list("subjectId in ?1", subjectIds);
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
