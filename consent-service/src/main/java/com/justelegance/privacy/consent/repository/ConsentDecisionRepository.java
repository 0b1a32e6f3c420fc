package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.ConsentDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The append-only history of consent decisions. */
@ApplicationScoped
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {

    /** The subject's decisions, oldest first, with their choices. */
    public List<ConsentDecision> forSubject(String subjectId) {
        return find("select distinct d from ConsentDecision d left join fetch d.choices "
                + "where d.subjectId = ?1 order by d.seq", subjectId).list();
    }

    /**
     * Deletes the subject's decisions and their choices (the current state must be deleted first). History is
     * append-only except for this: erasure is the one reason it may go. Returns how many decisions went.
     */
    public int deleteForSubject(String subjectId) {
        var em = getEntityManager();
        em.createNativeQuery("""
                        DELETE FROM consent_choice WHERE decision_id IN
                            (SELECT id FROM consent_decision WHERE subject_id = :subject)""")
                .setParameter("subject", subjectId)
                .executeUpdate();
        return em.createNativeQuery("DELETE FROM consent_decision WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }
}
