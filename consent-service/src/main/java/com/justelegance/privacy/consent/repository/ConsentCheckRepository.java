package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reads behind consent checks: no transaction, no entity management, plain JDBC on the service's pool, so a
 * check pays for its statement and nothing else (Hibernate's session, query translation and tuple mapping were a
 * large share of a check's time: bench/README.md). A single check is one statement: the purpose row, the subject's
 * state and its restrictions in force in one round trip through the primary keys and the index of restrictions in
 * force. A batch reads the states of all its subjects with one {@code = ANY(?)} through the primary key, and their
 * restrictions in force with another. Either way a withdrawal or restriction committed a moment ago is what the
 * next check reads.
 *
 * <p>Restrictions are the kit's ({@code processing_restriction}, written only by
 * {@link com.justelegance.privacy.kit.restriction.SubjectRestrictions}); the check reads that table directly rather
 * than through the kit's bean so a check stays one statement. "In force" here must match the kit's: restricted and
 * not lifted, the predicate of the kit's partial index.
 */
@ApplicationScoped
public class ConsentCheckRepository {

    private static final String SINGLE = """
            SELECT p.lawful_basis, s.state, s.basis, s.since,
                   (SELECT min(r.restricted_at) FROM processing_restriction r
                    WHERE r.subject_id = ? AND r.restricted_at IS NOT NULL AND r.lifted_at IS NULL)
                       AS restricted_since
            FROM purpose p
            LEFT JOIN consent_state s ON s.purpose_code = p.code AND s.subject_id = ?
            WHERE p.code = ?""";
    private static final String PURPOSE_BASIS = "SELECT lawful_basis FROM purpose WHERE code = ?";
    private static final String STATES = """
            SELECT subject_id, state, basis, since FROM consent_state
            WHERE purpose_code = ? AND subject_id = ANY(?)""";
    private static final String RESTRICTIONS = """
            SELECT subject_id, min(restricted_at) FROM processing_restriction
            WHERE subject_id = ANY(?) AND restricted_at IS NOT NULL AND lifted_at IS NULL
            GROUP BY subject_id""";

    private final AgroalDataSource dataSource;

    public ConsentCheckRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /** Empty when the purpose is not in the catalogue. One statement. */
    public Optional<PurposeStates> statesFor(String purpose, String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SINGLE)) {
            query.setString(1, subjectId);
            query.setString(2, subjectId);
            query.setString(3, purpose);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, StateRow> states = new HashMap<>(2);
                if (row.getString(2) != null) {
                    states.put(subjectId, new StateRow(ConsentState.valueOf(row.getString(2)),
                            LawfulBasis.valueOf(row.getString(3)), instant(row, 4)));
                }
                Instant restrictedSince = instant(row, 5);
                return Optional.of(new PurposeStates(LawfulBasis.valueOf(row.getString(1)), states,
                        restrictedSince == null ? Map.of() : Map.of(subjectId, restrictedSince)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent check query failed", e);
        }
    }

    /**
     * Empty when the purpose is not in the catalogue. Three statements on one connection: the purpose's basis, the
     * states of the subjects that have one (primary key), the oldest restriction in force of those that are
     * restricted (the kit's partial index).
     */
    public Optional<PurposeStates> statesFor(String purpose, Collection<String> subjectIds) {
        try (Connection connection = dataSource.getConnection()) {
            LawfulBasis basis;
            try (PreparedStatement query = connection.prepareStatement(PURPOSE_BASIS)) {
                query.setString(1, purpose);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    basis = LawfulBasis.valueOf(row.getString(1));
                }
            }
            java.sql.Array subjects = connection.createArrayOf("varchar", subjectIds.toArray());
            Map<String, StateRow> states = new HashMap<>(subjectIds.size() * 2);
            try (PreparedStatement query = connection.prepareStatement(STATES)) {
                query.setString(1, purpose);
                query.setArray(2, subjects);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        states.put(row.getString(1), new StateRow(ConsentState.valueOf(row.getString(2)),
                                LawfulBasis.valueOf(row.getString(3)), instant(row, 4)));
                    }
                }
            }
            Map<String, Instant> restricted = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(RESTRICTIONS)) {
                query.setArray(1, subjects);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        restricted.put(row.getString(1), instant(row, 2));
                    }
                }
            }
            return Optional.of(new PurposeStates(basis, states, restricted));
        } catch (SQLException e) {
            throw new IllegalStateException("Consent check query failed", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
