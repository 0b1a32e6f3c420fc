package com.justelegance.privacy.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.ConsentDecision;
import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.domain.SoftOptInStatus;
import com.justelegance.privacy.consent.rest.SuppressionDtos.IdentifierRequest;
import com.justelegance.privacy.consent.service.ConsentLedger;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the consent API. */
public final class ConsentDtos {

    private ConsentDtos() {
    }

    /**
     * A person's choices, made at once, under one policy version. Choices may be empty only when the submission
     * carries {@code Sec-GPC: 1} (the signal alone).
     *
     * @param decidedAt          when the person decided, by the client's clock (the server records its own time too)
     * @param proof              the person's network and browser as the storefront saw them; stored truncated and
     *                           encrypted
     * @param softOptInOrderId   the order during which the details were collected, when the grants are PECR soft
     *                           opt-ins (opt-out offered and not taken)
     * @param contactIdentifiers the person's e-mail addresses and phone numbers, kept only as keyed hashes so that an
     *                           opt-out puts them on the suppression list
     */
    public record DecisionRequest(
            @NotNull @Size(max = 50) List<@NotNull @Valid ChoiceRequest> choices,
            @NotNull @Pattern(regexp = EventFieldRules.VERSION_LABEL_PATTERN) String policyVersion,
            @NotNull ConsentSource source,
            @NotNull ConsentMethod method,
            Instant decidedAt,
            @Valid ProofRequest proof,
            @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String softOptInOrderId,
            @Size(max = 10) List<@NotNull @Valid IdentifierRequest> contactIdentifiers) {
    }

    /** The state chosen for one purpose. */
    public record ChoiceRequest(@NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
                                @NotNull ConsentState state) {
    }

    /** Where the decision came from, as the storefront saw it. */
    public record ProofRequest(@Size(max = 45) String ipAddress, @Size(max = 512) String userAgent) {
    }

    /**
     * The decisions recorded (the explicit one and the one a GPC signal caused; either may be null) and the
     * purposes whose state changed (a repeat changes none).
     *
     * @param softOptInStatus   for a soft opt-in: CONFIRMED when its order was known, PENDING while it waits for
     *                          the order (nothing is granted until then); absent otherwise
     * @param softOptInLapsesAt for a PENDING soft opt-in: when it lapses if the order has not been reported
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionRecorded(UUID decisionId, UUID gpcDecisionId, Instant recordedAt,
                                   List<String> changedPurposes, SoftOptInStatus softOptInStatus,
                                   Instant softOptInLapsesAt) {

        static DecisionRecorded of(ConsentLedger.RecordedDecision recorded) {
            return new DecisionRecorded(recorded.decisionId(), recorded.gpcDecisionId(), recorded.recordedAt(),
                    recorded.changedPurposes(), recorded.softOptInStatus(), recorded.softOptInLapsesAt());
        }
    }

    /**
     * A subject's current state for one purpose and the basis it rests on.
     *
     * @param restricted whether the subject's processing is restricted now (Art. 18): the state stands, but allows
     *                   nothing until the restriction is lifted
     */
    public record CurrentConsentView(String purpose, ConsentState state, LawfulBasis basis, Instant since,
                                     UUID decisionId, boolean restricted) {

        static CurrentConsentView of(CurrentConsent consent, boolean restricted) {
            return new CurrentConsentView(consent.purposeCode(), consent.state(), consent.basis(), consent.since(),
                    consent.decisionId(), restricted);
        }
    }

    /**
     * One decision of the history with its proof, for a soft opt-in whether it took effect, and for a decision
     * carried out for a data-subject request (source DATA_SUBJECT_REQUEST through dsr-service) the request's id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(UUID decisionId, String policyVersion, String wordingHash, ConsentSource source,
                               ConsentMethod method, Instant decidedAt, Instant recordedAt, String softOptInOrderId,
                               SoftOptInStatus softOptInStatus, String subjectRequestId, List<ChoiceView> choices,
                               ProofDetails proof) {

        static DecisionView of(ConsentLedger.HistoryEntry entry) {
            ConsentDecision d = entry.decision();
            return new DecisionView(d.id(), d.policyVersion(), d.wordingHash(), d.source(), d.method(),
                    d.clientDecidedAt(), d.recordedAt(), d.softOptInOrderId(), entry.softOptIn(), d.subjectRequestId(),
                    d.choices().stream().map(ChoiceView::of).toList(),
                    entry.proof().map(ProofDetails::of).orElse(null));
        }
    }

    /** The state a decision chose for one purpose. */
    public record ChoiceView(String purpose, ConsentState state) {

        static ChoiceView of(ConsentChoice choice) {
            return new ChoiceView(choice.purposeCode(), choice.state());
        }
    }

    /** The network a decision came from, truncated, and the browser's user agent; either may be null. */
    public record ProofDetails(String ipPrefix, String userAgent) {

        static ProofDetails of(com.justelegance.privacy.consent.domain.ProofDetails proof) {
            return new ProofDetails(proof.ipPrefix(), proof.userAgent());
        }
    }
}
