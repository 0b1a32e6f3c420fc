package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reads behind consent checks, in plain JDBC on the pooled datasource: no transaction, no entity
 * management, one statement per check. The purpose row and the subject's state come back in one round trip
 * through the primary keys, so a withdrawal committed a moment ago is what the next check reads.
 */
@ApplicationScoped
public class ConsentCheckRepository {

    private static final String ONE = """
            SELECT p.lawful_basis, s.state, s.basis, s.since
            FROM purpose p LEFT JOIN consent_state s ON s.purpose_code = p.code AND s.subject_id = ?
            WHERE p.code = ?""";
    private static final String MANY = """
            SELECT p.lawful_basis, s.subject_id, s.state, s.basis, s.since
            FROM purpose p LEFT JOIN consent_state s ON s.purpose_code = p.code AND s.subject_id = ANY(?)
            WHERE p.code = ?""";

    private final AgroalDataSource dataSource;

    public ConsentCheckRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A subject's recorded state for a purpose; the state fields are null when nothing is recorded. */
    public record StateRow(ConsentState state, LawfulBasis basis, Instant since) {
        static final StateRow NONE = new StateRow(null, null, null);
    }

    /** The purpose's basis and the subjects' recorded states (subjects with none are absent from the map). */
    public record PurposeStates(LawfulBasis purposeBasis, Map<String, StateRow> states) {
    }

    /** Empty when the purpose is not in the catalogue. */
    public Optional<PurposeStates> statesFor(String purpose, String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setString(1, subjectId);
            statement.setString(2, purpose);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                StateRow state = stateRow(rows);
                return Optional.of(new PurposeStates(LawfulBasis.valueOf(rows.getString("lawful_basis")),
                        state.state() == null ? Map.of() : Map.of(subjectId, state)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent check failed", e);
        }
    }

    /** Empty when the purpose is not in the catalogue. */
    public Optional<PurposeStates> statesFor(String purpose, Collection<String> subjectIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(MANY)) {
            Array subjects = connection.createArrayOf("varchar", subjectIds.toArray());
            statement.setArray(1, subjects);
            statement.setString(2, purpose);
            try (ResultSet rows = statement.executeQuery()) {
                LawfulBasis purposeBasis = null;
                Map<String, StateRow> states = new HashMap<>(subjectIds.size() * 2);
                while (rows.next()) {
                    purposeBasis = LawfulBasis.valueOf(rows.getString("lawful_basis"));
                    String subject = rows.getString("subject_id");
                    if (subject != null) {
                        states.put(subject, stateRow(rows));
                    }
                }
                return purposeBasis == null ? Optional.empty() : Optional.of(new PurposeStates(purposeBasis, states));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent check failed", e);
        }
    }

    private static StateRow stateRow(ResultSet rows) throws SQLException {
        String state = rows.getString("state");
        if (state == null) {
            return StateRow.NONE;
        }
        Timestamp since = rows.getTimestamp("since");
        return new StateRow(ConsentState.valueOf(state), LawfulBasis.valueOf(rows.getString("basis")),
                since.toInstant());
    }
}
