package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.IdentifierType;
import com.justelegance.privacy.consent.service.SuppressionList;
import com.justelegance.privacy.events.codes.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** Request and response bodies of the suppression list API. */
public final class SuppressionDtos {

    private SuppressionDtos() {
    }

    /** Identifiers to screen, optionally for one channel only. */
    public record ScreeningRequest(
            Channel channel,
            @NotEmpty @Size(max = ConsentCheckResource.MAX_BATCH)
            List<@NotNull @Valid IdentifierRequest> identifiers) {
    }

    /**
     * Which identifiers are suppressed, by their position in the request: nothing the caller did not send, and
     * nothing that could be turned back into an identifier.
     */
    public record ScreeningResult(int screened, List<Suppressed> suppressed) {
    }

    /** Identifiers to add and the channels they must not be marketed on. */
    public record EntriesRequest(
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid IdentifierRequest> identifiers,
            @NotEmpty Set<@NotNull Channel> channels) {
    }

    /** An e-mail address or phone number; personal data, only ever hashed. */
    public record IdentifierRequest(@NotNull IdentifierType type, @NotBlank @Size(max = 254) String value) {

        SuppressionList.RawIdentifier raw() {
            return new SuppressionList.RawIdentifier(type, value);
        }
    }

    /** One suppressed identifier of a screening request: its position in the request and its channels. */
    public record Suppressed(int index, Set<Channel> channels) {

        static Suppressed of(SuppressionList.Suppressed suppressed) {
            return new Suppressed(suppressed.index(), suppressed.channels());
        }
    }
}
