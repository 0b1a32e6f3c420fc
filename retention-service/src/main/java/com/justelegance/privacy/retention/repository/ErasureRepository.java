package com.justelegance.privacy.retention.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Erasure on this service's side: deleting what is held about subjects (the kit keeps the tombstones). */
@ApplicationScoped
public class ErasureRepository {

    /**
     * The tables that hold a subject's data, by subject id, apart from legal holds (and the kit's restrictions,
     * which the kit erases).
     */
    private static final List<String> SUBJECT_TABLES = List.of(
            "timeline_entry", "subject_timeline", "complaint_hold", "subject_request_hold");

    private final EntityManager entityManager;

    public ErasureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Deletes everything held about the subjects except legal holds that are still active; returns the rows
     * deleted per subject.
     */
    public Map<String, Long> deleteSubjects(Collection<String> subjectIds, LocalDate today) {
        Map<String, Long> deleted = new HashMap<>();
        for (String table : SUBJECT_TABLES) {
            countPerSubject(deleted, entityManager.createNativeQuery(
                            "DELETE FROM " + table + " WHERE subject_id IN (:subjects) RETURNING subject_id")
                    .setParameter("subjects", subjectIds));
        }
        countPerSubject(deleted, entityManager.createNativeQuery("""
                        DELETE FROM legal_hold WHERE subject_id IN (:subjects)
                            AND (released_at IS NOT NULL OR ends_on < :today) RETURNING subject_id""")
                .setParameter("subjects", subjectIds)
                .setParameter("today", today));
        return deleted;
    }

    private static void countPerSubject(Map<String, Long> deleted, Query returningSubjectIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = returningSubjectIds.getResultList();
        rows.forEach(subject -> deleted.merge(subject, 1L, Long::sum));
    }
}
