package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads behind consent checks: no transaction, no entity management, one statement per check. The purpose row
 * and the subjects' states come back in one round trip through the primary keys, so a withdrawal committed a
 * moment ago is what the next check reads.
 */
@ApplicationScoped
public class ConsentCheckRepository {

    private final EntityManager entityManager;

    public ConsentCheckRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A subject's recorded state for a purpose; the state fields are null when nothing is recorded. */
    public record StateRow(ConsentState state, LawfulBasis basis, Instant since) {
    }

    /** The purpose's basis and the subjects' recorded states (subjects with none are absent from the map). */
    public record PurposeStates(LawfulBasis purposeBasis, Map<String, StateRow> states) {
    }

    /** Empty when the purpose is not in the catalogue. */
    public Optional<PurposeStates> statesFor(String purpose, String subjectId) {
        return statesFor(purpose, List.of(subjectId));
    }

    /** Empty when the purpose is not in the catalogue. */
    public Optional<PurposeStates> statesFor(String purpose, Collection<String> subjectIds) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT p.lawful_basis, s.subject_id, s.state, s.basis, s.since
                        FROM purpose p LEFT JOIN consent_state s
                            ON s.purpose_code = p.code AND s.subject_id IN (:subjects)
                        WHERE p.code = :purpose""", Tuple.class)
                .setParameter("subjects", subjectIds)
                .setParameter("purpose", purpose)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StateRow> states = new HashMap<>(subjectIds.size() * 2);
        for (Tuple row : rows) {
            String subject = row.get("subject_id", String.class);
            if (subject != null) {
                states.put(subject, new StateRow(ConsentState.valueOf(row.get("state", String.class)),
                        LawfulBasis.valueOf(row.get("basis", String.class)), SqlTimes.instant(row.get("since"))));
            }
        }
        return Optional.of(new PurposeStates(LawfulBasis.valueOf(rows.getFirst().get("lawful_basis", String.class)),
                states));
    }
}
