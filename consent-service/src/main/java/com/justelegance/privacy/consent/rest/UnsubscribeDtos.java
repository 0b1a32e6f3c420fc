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
                               List<IssuedLink> links) {
    }

    /** A token for one subject, with the URL that goes in the List-Unsubscribe header. */
    public record IssuedLink(String subjectId, String token, String url) {

        static IssuedLink of(UnsubscribeLinks.IssuedLink link) {
            return new IssuedLink(link.subjectId(), link.token(), link.url());
        }
    }

    /** What redeeming a link did, and for which purpose. */
    public record Redemption(String purpose, UnsubscribeLinks.Outcome outcome) {

        static Redemption of(UnsubscribeLinks.Redemption redemption) {
            return new Redemption(redemption.purpose(), redemption.outcome());
        }
    }
}
