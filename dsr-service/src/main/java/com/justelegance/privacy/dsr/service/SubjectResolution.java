package com.justelegance.privacy.dsr.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.dsr.access.SourceCalls;
import com.justelegance.privacy.dsr.access.SourceFailure;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds whom a case concerns by asking the registered data sources (today the storefront's customer look-up) for
 * each identifier the requester gave: e-mail, phone, customer number. One customer matched by every identifier that
 * found anyone is recorded as the case's subject; none, or more than one, is left to staff, with the outcome on the
 * trail (counts and identifier kinds only: the identifiers themselves stay encrypted on the case). The calls are made
 * outside any transaction: a slow source never holds the case's lock.
 */
@ApplicationScoped
public class SubjectResolution {

    private static final Logger LOG = Logger.getLogger(SubjectResolution.class);

    private final Cases cases;
    private final SourceCalls sources;

    public SubjectResolution(Cases cases, SourceCalls sources) {
        this.cases = cases;
        this.sources = sources;
    }

    /**
     * What the look-up found.
     *
     * @param candidates how many different customers the identifiers matched
     * @param matchedBy  the identifier kinds that found someone
     */
    public record Resolution(Cases.CaseFile file, int candidates, List<String> matchedBy) {
    }

    /**
     * The e-mail address the storefront holds for the case's subject (its data's {@code contact} section), for the
     * identity code; empty while the subject is unknown or the storefront has no address for them.
     *
     * @throws ProblemException {@code data-source-unavailable} when the storefront cannot be asked: the code must not
     *                          fall back to an address nobody has checked
     */
    public Optional<String> emailOnFile(UUID caseId) {
        String subjectId = QuarkusTransaction.requiringNew().call(() -> cases.fileOf(caseId)).requestCase()
                .subjectId();
        return subjectId == null ? Optional.empty() : emailOnFileOf(subjectId);
    }

    /**
     * The e-mail address the storefront holds for a subject (its data's {@code contact} section); empty when it has
     * none.
     *
     * @throws ProblemException {@code data-source-unavailable} when the storefront cannot be asked
     */
    public Optional<String> emailOnFileOf(String subjectId) {
        try {
            for (JsonNode category : sources.storefrontData(subjectId).path("categories")) {
                if ("contact".equals(category.path("category").asText())) {
                    String email = category.path("data").path("email").asText("");
                    return email.isBlank() ? Optional.empty() : Optional.of(email);
                }
            }
            return Optional.empty();
        } catch (SourceFailure.HoldsNothing e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new ProblemException(DsrProblem.DATA_SOURCE_UNAVAILABLE, "The storefront could not be asked for "
                    + "the customer's e-mail address on file; try again later, or check identity by document");
        }
    }

    /**
     * The one customer the storefront knows by this e-mail address; empty when it knows nobody, or more than one
     * customer, by it (a sign-in must not guess between two accounts).
     *
     * @throws ProblemException {@code data-source-unavailable} when the look-up cannot be reached
     */
    public Optional<String> customerWithEmail(String email) {
        Set<String> found = new TreeSet<>();
        lookUp("EMAIL", email, () -> sources.storefrontLookUp(email, null, null), found, new ArrayList<>());
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    public Resolution resolve(UUID caseId, String actor) {
        Cases.CaseFile before = QuarkusTransaction.requiringNew().call(() -> cases.fileOf(caseId));
        if (!before.requestCase().status().open()) {
            throw new ProblemException(DsrProblem.CASE_CLOSED, "The case was closed and changes no more");
        }
        Requester requester = before.requester().orElseThrow(() -> new ProblemException(
                DsrProblem.CASE_STATUS_CONFLICT, "The requester's details are no longer held"));
        Set<String> found = new TreeSet<>();
        List<String> matchedBy = new ArrayList<>();
        lookUp("EMAIL", requester.email(), () -> sources.storefrontLookUp(requester.email(), null, null),
                found, matchedBy);
        lookUp("PHONE", requester.phone(), () -> sources.storefrontLookUp(null, requester.phone(), null),
                found, matchedBy);
        lookUp("CUSTOMER_NUMBER", requester.customerNumber(),
                () -> sources.storefrontLookUp(null, null, requester.customerNumber()), found, matchedBy);
        String outcome = "matched " + found.size() + " customer(s) by " + (matchedBy.isEmpty() ? "nothing"
                : String.join(", ", matchedBy));
        Cases.CaseFile after = found.size() == 1
                ? cases.resolveSubject(caseId, found.iterator().next(), actor)
                : cases.noteResolution(caseId, found.isEmpty() ? "subject-not-found" : "subject-ambiguous",
                outcome, actor);
        return new Resolution(after, found.size(), matchedBy);
    }

    private void lookUp(String kind, String identifier, Supplier<JsonNode> call, Set<String> found,
                        List<String> matchedBy) {
        if (identifier == null || identifier.isBlank()) {
            return;
        }
        try {
            JsonNode answer = call.get();
            int before = found.size();
            answer.path("subjectIds").forEach(id -> found.add(id.asText()));
            if (answer.path("subjectIds").size() > 0) {
                matchedBy.add(kind);
            }
            LOG.debugf("Look-up by %s: %d customer(s), %d new", kind, answer.path("subjectIds").size(),
                    found.size() - before);
        } catch (SourceFailure.HoldsNothing e) {
            // Nobody with this identifier.
        } catch (RuntimeException e) {
            // Unavailable after retries, refused, or its circuit open: the case cannot be matched now.
            throw new ProblemException(DsrProblem.DATA_SOURCE_UNAVAILABLE,
                    "The storefront's customer look-up could not be reached; try again later");
        }
    }
}
