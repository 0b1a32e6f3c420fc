package com.justelegance.privacy.disclosure.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.DisclosureSource;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientCategory;
import com.justelegance.privacy.disclosure.service.DisclosureLedger.RecordedDisclosure;
import com.justelegance.privacy.disclosure.service.DisclosureLedger.SubjectDisclosure;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Request and response bodies of a subject's disclosures. */
public final class SubjectDisclosureDtos {

    /** References recipients give: their case numbers, our order and upload ids. No '@' or spaces. */
    public static final String REFERENCE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9/_:.-]{0,63}$";

    private SubjectDisclosureDtos() {
    }

    /**
     * A disclosure that did not come from an event.
     *
     * @param reference           the recipient's reference for it, e.g. the police request number
     * @param withholdFromSubject leave it out of the subject's access response (DPA 2018 Sch. 2 para. 2)
     * @param note                for the privacy officer only; stored encrypted with the subject's key
     */
    public record RecordDisclosureRequest(
            @NotNull @Pattern(regexp = Recipient.CODE_PATTERN) String recipient,
            @NotEmpty Set<@NotNull DataCategory> dataCategories,
            @NotNull LawfulBasis legalBasis,
            @NotNull @Pattern(regexp = REFERENCE_PATTERN) String reference,
            @NotNull Instant disclosedAt,
            boolean withholdFromSubject,
            @Size(max = 2000) String note) {

        RecordedDisclosure toCommand() {
            return new RecordedDisclosure(recipient, dataCategories, legalBasis, reference, disclosedAt,
                    withholdFromSubject, note);
        }
    }

    /**
     * One of a subject's disclosures. {@code withheldFromSubject} and {@code note} appear in the privacy officer's
     * view only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectDisclosureView(Long id, String recipient, String recipientName,
                                        RecipientCategory recipientCategory, DisclosureSource source,
                                        String reference, List<DataCategory> dataCategories,
                                        LawfulBasis legalBasis, Instant disclosedAt, Boolean withheldFromSubject,
                                        String note) {

        static SubjectDisclosureView of(SubjectDisclosure entry, Recipient recipient, boolean privacyOfficerView) {
            Disclosure d = entry.disclosure();
            return new SubjectDisclosureView(d.id(), d.recipientCode(), recipient.displayName(),
                    recipient.category(), d.source(), d.reference(), d.dataCategories(), d.legalBasis(),
                    d.disclosedAt(), privacyOfficerView ? d.withheldFromSubject() : null,
                    privacyOfficerView ? entry.note() : null);
        }
    }
}
