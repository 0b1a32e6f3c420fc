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
 * The reads behind consent checks: no transaction, no entity management, one statement per check. The purpose row,
 * the subjects' states and their restrictions in force come back in one round trip through the primary keys and
 * the index of restrictions in force, so a withdrawal or restriction committed a moment ago is what the next check
 * reads.
 *
 * <p>Restrictions are the kit's ({@code processing_restriction}, written only by
 * {@link com.justelegance.privacy.kit.restriction.SubjectRestrictions}); the check reads that table directly rather
 * than through the kit's bean so a check stays one statement. "In force" here must match the kit's: restricted and
 * not lifted, the predicate of the kit's partial index.
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

    /**
     * The purpose's basis, the subjects' recorded states (subjects with none are absent from the map), and for the
     * subjects whose processing is restricted now (Art. 18), since when (subjects without one are absent).
     */
    public record PurposeStates(LawfulBasis purposeBasis, Map<String, StateRow> states,
                                Map<String, Instant> restrictedSince) {
    }

    /** Empty when the purpose is not in the catalogue. */
    public Optional<PurposeStates> statesFor(String purpose, String subjectId) {
        return statesFor(purpose, List.of(subjectId));
    }

    /**
     * Empty when the purpose is not in the catalogue. One row per subject asked about: its state for the purpose
     * (if any) and the start of its oldest restriction still in force (if any), both through indexes.
     */
    public Optional<PurposeStates> statesFor(String purpose, Collection<String> subjectIds) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT p.lawful_basis, subject.id AS subject_id, s.state, s.basis, s.since,
                               (SELECT min(r.restricted_at) FROM processing_restriction r
                                WHERE r.subject_id = subject.id AND r.restricted_at IS NOT NULL
                                    AND r.lifted_at IS NULL) AS restricted_since
                        FROM purpose p
                        CROSS JOIN unnest(:subjects) AS subject(id)
                        LEFT JOIN consent_state s ON s.purpose_code = p.code AND s.subject_id = subject.id
                        WHERE p.code = :purpose""", Tuple.class)
                .setParameter("subjects", subjectIds.toArray(String[]::new))
                .setParameter("purpose", purpose)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StateRow> states = new HashMap<>(subjectIds.size() * 2);
        Map<String, Instant> restricted = new HashMap<>();
        for (Tuple row : rows) {
            String subject = row.get("subject_id", String.class);
            if (row.get("state") != null) {
                states.put(subject, new StateRow(ConsentState.valueOf(row.get("state", String.class)),
                        LawfulBasis.valueOf(row.get("basis", String.class)), SqlTimes.instant(row.get("since"))));
            }
            if (row.get("restricted_since") != null) {
                restricted.put(subject, SqlTimes.instant(row.get("restricted_since")));
            }
        }
        return Optional.of(new PurposeStates(LawfulBasis.valueOf(rows.getFirst().get("lawful_basis", String.class)),
                states, restricted));
    }
}
