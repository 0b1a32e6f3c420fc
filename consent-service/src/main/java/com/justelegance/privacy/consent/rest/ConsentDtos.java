package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
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
     * A person's choices, made at once, under one policy version.
     *
     * @param decidedAt when the person decided, by the client's clock (the server records its own time too)
     */
    public record DecisionRequest(
            @NotEmpty @Size(max = 50) List<@NotNull @Valid ChoiceRequest> choices,
            @NotNull @Pattern(regexp = EventFieldRules.VERSION_LABEL_PATTERN) String policyVersion,
            @NotNull ConsentSource source,
            @NotNull ConsentMethod method,
            Instant decidedAt) {
    }

    /** The state chosen for one purpose. */
    public record ChoiceRequest(@NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
                                @NotNull ConsentState state) {
    }

    /** A recorded decision and the purposes whose state it changed (a repeat changes none). */
    public record DecisionRecorded(UUID decisionId, Instant recordedAt, List<String> changedPurposes) {
    }

    /** A subject's current state for one purpose. */
    public record CurrentConsentView(String purpose, ConsentState state, Instant since, UUID decisionId) {
    }
}
