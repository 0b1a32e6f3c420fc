package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.DisclosureSource;
import com.justelegance.privacy.disclosure.domain.NoticeChannel;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientCategory;
import com.justelegance.privacy.disclosure.domain.RecipientRole;
import com.justelegance.privacy.disclosure.domain.RecipientTerms;
import com.justelegance.privacy.disclosure.domain.TransferSafeguard;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.Purpose;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Request and response bodies of the recipient registry API. */
public final class RecipientDtos {

    private RecipientDtos() {
    }

    /**
     * A recipient as the privacy officer registers or changes it.
     *
     * @param code            required when registering; when changing, absent or equal to the code in the path
     * @param expectedVersion when changing, the version last read, to refuse a change made meanwhile; optional
     */
    public record RecipientRequest(
            @Pattern(regexp = Recipient.CODE_PATTERN) String code,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull RecipientCategory category,
            @NotNull RecipientRole role,
            @NotEmpty Set<@NotNull DataCategory> dataCategories,
            @NotBlank @Size(max = 500) String purpose,
            @NotNull LawfulBasis lawfulBasis,
            @Pattern(regexp = Purpose.CODE_PATTERN) String consentPurpose,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code") String country,
            @NotNull TransferSafeguard transferSafeguard,
            @Size(max = 500) String privacyPolicyUrl,
            @NotNull NoticeChannel noticeChannel,
            @Size(max = 500) String noticeAddress,
            @NotNull @Min(1) @Max(365) Integer noticeResponseDays,
            @PositiveOrZero Long expectedVersion) {

        RecipientTerms terms() {
            return new RecipientTerms(displayName, category, role, dataCategories, purpose, lawfulBasis,
                    consentPurpose, country, transferSafeguard, privacyPolicyUrl, noticeChannel, noticeAddress,
                    noticeResponseDays);
        }
    }

    /** A recipient as the API shows it. */
    public record RecipientView(String code, String displayName, RecipientCategory category, RecipientRole role,
                                List<DataCategory> dataCategories, String purpose, LawfulBasis lawfulBasis,
                                String consentPurpose, String country, TransferSafeguard transferSafeguard,
                                String privacyPolicyUrl, NoticeChannel noticeChannel, String noticeAddress,
                                int noticeResponseDays, long version) {

        static RecipientView of(Recipient recipient) {
            RecipientTerms terms = recipient.terms();
            return new RecipientView(recipient.code(), terms.displayName(), terms.category(), terms.role(),
                    recipient.dataCategories().stream().toList(), terms.purpose(), terms.lawfulBasis(),
                    terms.consentPurpose(), terms.country(), terms.transferSafeguard(), terms.privacyPolicyUrl(),
                    terms.noticeChannel(), terms.noticeAddress(), terms.noticeResponseDays(), recipient.version());
        }
    }

    /** One disclosure to a recipient, for the privacy officer and auditors. */
    public record RecipientDisclosureView(Long id, String subjectId, DisclosureSource source, String reference,
                                          List<DataCategory> dataCategories, LawfulBasis legalBasis,
                                          Instant disclosedAt, boolean withheldFromSubject) {

        static RecipientDisclosureView of(Disclosure d) {
            return new RecipientDisclosureView(d.id(), d.subjectId(), d.source(), d.reference(),
                    d.dataCategories(), d.legalBasis(), d.disclosedAt(), d.withheldFromSubject());
        }
    }
}
