package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.SuppressionDtos.IdentifierRequest;
import com.justelegance.privacy.consent.service.SubjectRequests;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of the API dsr-service carries out objections and withdrawals with. */
public final class SubjectRequestDtos {

    private SubjectRequestDtos() {
    }

    /**
     * An objection to direct marketing.
     *
     * @param requestId          dsr-service's id of the request; the same id again is a retry and changes nothing
     * @param contactIdentifiers the person's e-mail addresses and phone numbers, kept only as keyed hashes and put
     *                           on the suppression list
     */
    public record ObjectionRequest(
            @NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String requestId,
            @Size(max = 10) List<@NotNull @Valid IdentifierRequest> contactIdentifiers) {
    }

    /**
     * A withdrawal of consent.
     *
     * @param requestId          dsr-service's id of the request; the same id again is a retry and changes nothing
     * @param purposes           the purposes to withdraw; absent or empty for every consent granted now
     * @param contactIdentifiers the person's e-mail addresses and phone numbers, kept only as keyed hashes, so that
     *                           a withdrawn marketing channel suppresses them
     */
    public record WithdrawalRequest(
            @NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String requestId,
            @Size(max = 50) List<@NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String> purposes,
            @Size(max = 10) List<@NotNull @Valid IdentifierRequest> contactIdentifiers) {
    }

    /**
     * What the request did: the decision recorded (null when nothing needed recording), the purposes whose state
     * changed, and how many suppression entries are new. A retry gets the same answer.
     */
    public record RequestCarriedOut(UUID decisionId, List<String> purposesChanged, int suppressionEntriesAdded) {

        static RequestCarriedOut of(SubjectRequests.Outcome outcome) {
            return new RequestCarriedOut(outcome.action().decisionId(), outcome.action().purposesChanged(),
                    outcome.action().suppressionEntriesAdded());
        }
    }
}
