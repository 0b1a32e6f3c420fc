package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.access.ConsentRightsApi;
import com.justelegance.privacy.dsr.access.ConsentRightsApi.ConsentChange;
import com.justelegance.privacy.dsr.access.ConsentRightsApi.ContactIdentifier;
import com.justelegance.privacy.dsr.access.ConsentRightsApi.ObjectionRequest;
import com.justelegance.privacy.dsr.access.ConsentRightsApi.WithdrawalRequest;
import com.justelegance.privacy.dsr.access.SourceCalls;
import com.justelegance.privacy.dsr.access.SourceFailure;
import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Objection to direct marketing (Art. 21(2)-(3), absolute: every marketing purpose stops and the requester's
 * addresses go on the suppression list) and withdrawal of consent (Art. 7(3)), both carried out by consent-service,
 * which publishes the changes so that disclosure-service sends removal notices where sharing stops.
 *
 * <p>The call to consent-service happens between two short transactions, never while the case is locked: the first
 * checks the case can be carried out, the second records the answer and closes the case. Consent-service records one
 * decision per request id, so a retry after a failure, or two officers at once, change consent once; the second to
 * finish finds the case closed.
 */
@ApplicationScoped
public class ConsentRights {

    private final Cases cases;
    private final SourceCalls calls;
    private final AuditLog auditLog;

    public ConsentRights(Cases cases, SourceCalls calls, AuditLog auditLog) {
        this.cases = cases;
        this.calls = calls;
        this.auditLog = auditLog;
    }

    /** The closed case and what was done, in plain words for the completion letter. */
    public record CarriedOut(Cases.CaseFile file, String whatWasDone) {
    }

    /** Stops all direct marketing to the case's subject and suppresses the requester's addresses; closes the case. */
    public CarriedOut objectToMarketing(UUID caseId, String actor) {
        return carryOut(caseId, SubjectRequestType.OBJECTION, actor, "marketing-objected",
                (subjectId, identifiers) -> calls.marketingObjection(subjectId,
                        new ObjectionRequest(caseId.toString(), identifiers)));
    }

    /** Withdraws consent for these purposes (none: every purpose granted by consent); closes the case. */
    public CarriedOut withdrawConsent(UUID caseId, List<String> purposes, String actor) {
        return carryOut(caseId, SubjectRequestType.CONSENT_WITHDRAWAL, actor, "consent-withdrawn",
                (subjectId, identifiers) -> calls.consentWithdrawal(subjectId,
                        new WithdrawalRequest(caseId.toString(), purposes, identifiers)));
    }

    /**
     * @param call consent-service's call, given the subject id and the requester's addresses
     */
    private CarriedOut carryOut(UUID caseId, SubjectRequestType type, String actor, String action,
                                BiFunction<String, List<ContactIdentifier>, ConsentChange> call) {
        Cases.CaseFile file = QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = cases.actionableCase(caseId, type, "carry it out through consent-service");
            return cases.file(requestCase);
        });
        String subjectId = file.requestCase().subjectId();
        List<ContactIdentifier> identifiers = file.requester().map(ConsentRights::contactIdentifiers)
                .orElse(List.of());
        ConsentChange change = called(() -> call.apply(subjectId, identifiers));
        return QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = cases.openCase(caseId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("case", requestCase.reference());
            details.put("consentDecision", String.valueOf(change.decisionId()));
            details.put("purposesChanged", change.purposesChanged());
            details.put("suppressionEntriesAdded", change.suppressionEntriesAdded());
            auditLog.record("dsr.case." + action, subjectId, details);
            String done = whatWasDone(type, change);
            cases.close(requestCase, CaseStatus.COMPLETED, null, actor, action, done);
            return new CarriedOut(cases.file(requestCase), done);
        });
    }

    private static ConsentChange called(Supplier<ConsentChange> call) {
        try {
            return call.get();
        } catch (SourceFailure.Refused e) {
            if (e.status() == 400 || e.status() == 422) {
                throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "purposes",
                        "consent-service refused the purposes: one is not in its catalogue");
            }
            if (e.status() == 409) {
                throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT, "consent-service holds nothing for the "
                        + "subject any more (it was erased): answer the case, or refuse it, with that explanation");
            }
            throw unavailable();
        } catch (RuntimeException e) {
            // Unavailable after retries, or its circuit open: nothing changed here; the officer tries again.
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(DsrProblem.DATA_SOURCE_UNAVAILABLE,
                "consent-service could not carry out the request now; the case is unchanged, try again later");
    }

    /** The requester's addresses, for the suppression list. */
    private static List<ContactIdentifier> contactIdentifiers(Requester requester) {
        List<ContactIdentifier> identifiers = new ArrayList<>();
        if (requester.email() != null && !requester.email().isBlank()) {
            identifiers.add(new ContactIdentifier("EMAIL", requester.email().strip()));
        }
        if (requester.phone() != null && !requester.phone().isBlank()) {
            identifiers.add(new ContactIdentifier("PHONE", requester.phone().strip()));
        }
        return identifiers;
    }

    /** What the completion letter and the trail say was done, in plain words. */
    static String whatWasDone(SubjectRequestType type, ConsentChange change) {
        String purposes = change.purposesChanged().isEmpty() ? "none had been given"
                : String.join(", ", change.purposesChanged().stream().map(ConsentRights::inWords).toList());
        if (type == SubjectRequestType.OBJECTION) {
            return "We have stopped all direct marketing to you (" + purposes + "), and your contact details are on "
                    + "our suppression list so that you are not sent marketing again.";
        }
        return "We have recorded the withdrawal of your consent (" + purposes + "); we no longer use your data for "
                + "these purposes.";
    }

    private static String inWords(String purposeCode) {
        return purposeCode.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
