package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** Moves the subject's last contact to {@code contactAt} unless it is already later. */
    public void advanceLastContact(String subjectId, Instant contactAt, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO subject_timeline (subject_id, last_contact_at, updated_at)
                        VALUES (:subject, :contactAt, :now)
                        ON CONFLICT (subject_id) DO UPDATE
                        SET last_contact_at = GREATEST(subject_timeline.last_contact_at, EXCLUDED.last_contact_at),
                            updated_at = EXCLUDED.updated_at""")
                .setParameter("subject", subjectId)
                .setParameter("contactAt", contactAt)
                .setParameter("now", now)
                .executeUpdate();
    }

    public Optional<SubjectTimeline> forSubject(String subjectId) {
        return findByIdOptional(subjectId);
    }

    public List<TimelineEntry> entries(String subjectId) {
        return entityManager.createQuery(
                        "from TimelineEntry where subjectId = :subject order by occurredAt, eventId", TimelineEntry.class)
                .setParameter("subject", subjectId)
                .getResultList();
    }
}
