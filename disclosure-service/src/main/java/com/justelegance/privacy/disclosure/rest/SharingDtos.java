package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.SharingDecision;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request and response bodies of consent-gated sharing. */
public final class SharingDtos {

    /** The most subjects one audience upload may screen. */
    public static final int MAX_UPLOAD_SUBJECTS = 10_000;

    private SharingDtos() {
    }

    /**
     * The answer to a sharing check.
     *
     * @param consentState the subject's known consent state for the recipient's purpose, or null when none is known
     */
    public record SharingCheckView(String subjectId, String recipient, String purpose, boolean allowed,
                                   SharingDecision.Reason reason, ConsentState consentState) {
    }

    /** The subjects a marketing tool wants to upload to a social platform's audience. */
    public record AudienceUploadRequest(
            @NotNull @Pattern(regexp = Recipient.CODE_PATTERN) String recipient,
            @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
            @NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String uploadId,
            @NotEmpty @Size(max = MAX_UPLOAD_SUBJECTS)
            List<@NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String> subjectIds) {
    }

    /** Which subjects the upload may include (their disclosures are recorded) and which it must leave out. */
    public record AudienceUploadResult(String uploadId, String recipient, List<String> allowed,
                                       List<Refusal> refused) {
    }

    /** A subject left out of an upload, and why. */
    public record Refusal(String subjectId, SharingDecision.Reason reason, ConsentState consentState) {
    }
}
