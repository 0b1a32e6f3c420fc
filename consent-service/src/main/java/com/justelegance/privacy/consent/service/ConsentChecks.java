package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.ConsentAnswer;
import com.justelegance.privacy.consent.repository.ConsentCheckRepository.PurposeStates;
import com.justelegance.privacy.consent.repository.ConsentCheckRepository.StateRow;
import com.justelegance.privacy.consent.repository.ConsentCheckRepository;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hot path: may this subject (or these subjects) be processed for a purpose right now?
 *
 * <p>One indexed read per call, straight from the current-state projection the ledger updates in the decision's
 * transaction, so a withdrawal is visible to the next check on any instance; nothing is cached and nothing is
 * written (no audit entry per check: a check returns a yes or no, not the subject's data). A subject whose
 * processing is restricted (Art. 18) is refused every purpose with reason RESTRICTED until the restriction is
 * lifted. Only when the answer would rest on no record at all (a legitimate-interest purpose) is the erasure
 * record looked at.
 */
@ApplicationScoped
public class ConsentChecks {

    private final ConsentCheckRepository repository;
    private final SubjectTombstones tombstones;

    public ConsentChecks(ConsentCheckRepository repository, SubjectTombstones tombstones) {
        this.repository = repository;
        this.tombstones = tombstones;
    }

    public ConsentAnswer check(String subjectId, String purpose) {
        PurposeStates states = repository.statesFor(purpose, subjectId).orElseThrow(() -> unknownPurpose(purpose));
        ConsentAnswer answer = answer(states, subjectId);
        if (answer.restsOnNoRecord() && tombstones.isErased(subjectId)) {
            return ConsentAnswer.erased();
        }
        return answer;
    }

    /** One answer per subject, in the order given. */
    public List<ConsentAnswer> check(List<String> subjectIds, String purpose) {
        PurposeStates states = repository.statesFor(purpose, subjectIds).orElseThrow(() -> unknownPurpose(purpose));
        List<ConsentAnswer> answers = new ArrayList<>(subjectIds.size());
        List<String> restingOnNoRecord = new ArrayList<>();
        for (String subjectId : subjectIds) {
            ConsentAnswer answer = answer(states, subjectId);
            answers.add(answer);
            if (answer.restsOnNoRecord()) {
                restingOnNoRecord.add(subjectId);
            }
        }
        if (restingOnNoRecord.isEmpty()) {
            return answers;
        }
        Set<String> erased = tombstones.findAll(restingOnNoRecord).keySet();
        for (int i = 0; i < subjectIds.size(); i++) {
            if (erased.contains(subjectIds.get(i))) {
                answers.set(i, ConsentAnswer.erased());
            }
        }
        return answers;
    }

    private static ConsentAnswer answer(PurposeStates states, String subjectId) {
        Instant restrictedSince = states.restrictedSince().get(subjectId);
        if (restrictedSince != null) {
            // Art. 18: while restricted the data may only be stored, whatever the subject chose.
            return ConsentAnswer.restricted(restrictedSince);
        }
        StateRow row = states.states().get(subjectId);
        return row == null
                ? ConsentAnswer.evaluate(states.purposeBasis(), null, null, null)
                : ConsentAnswer.evaluate(states.purposeBasis(), row.state(), row.basis(), row.since());
    }

    private static ProblemException unknownPurpose(String purpose) {
        return new ProblemException(ConsentProblem.UNKNOWN_PURPOSE,
                "Purpose " + purpose + " is not in the purpose catalogue");
    }
}
