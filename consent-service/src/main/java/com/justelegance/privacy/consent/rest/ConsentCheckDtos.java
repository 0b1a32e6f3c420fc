package com.justelegance.privacy.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.consent.domain.RefusalReason;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the consent check API. */
public final class ConsentCheckDtos {

    private ConsentCheckDtos() {
    }

    /** The answer for one subject: allowed and on which basis since when, or why not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckAnswer(String subjectId, String purpose, boolean allowed, LawfulBasis basis, Instant since,
                              RefusalReason reason) {
    }

    /** A batch: one purpose, up to {@value ConsentCheckResource#MAX_BATCH} subjects. */
    public record BatchCheckRequest(
            @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
            @NotEmpty @Size(max = ConsentCheckResource.MAX_BATCH)
            List<@NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String> subjectIds) {
    }

    /** The answers of a batch, in the order the subjects were given. */
    public record BatchCheckAnswer(String purpose, List<SubjectAnswer> results) {
    }

    /** One subject's answer within a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectAnswer(String subjectId, boolean allowed, LawfulBasis basis, Instant since,
                                RefusalReason reason) {
    }
}
