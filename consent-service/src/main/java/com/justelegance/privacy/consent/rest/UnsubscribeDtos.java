package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.service.UnsubscribeLinks;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the unsubscribe API. */
public final class UnsubscribeDtos {

    private UnsubscribeDtos() {
    }

    /** Links for the recipients of one marketing send. */
    public record TokenRequest(
            @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
            @NotEmpty @Size(max = ConsentCheckResource.MAX_BATCH)
            List<@NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String> subjectIds) {
    }

    /** The links, and the List-Unsubscribe-Post header value to send with them. */
    public record IssuedTokens(String purpose, Instant expiresAt, String listUnsubscribePost,
                               List<UnsubscribeLinks.IssuedLink> links) {
    }
}
