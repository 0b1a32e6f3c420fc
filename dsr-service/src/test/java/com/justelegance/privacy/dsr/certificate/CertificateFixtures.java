package com.justelegance.privacy.dsr.certificate;

import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Erased;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Kept;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Outcome;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Participant;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.RecipientNotified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.events.codes.DataCategory.CONTACT_NAME;
import static com.justelegance.privacy.events.codes.DataCategory.DELIVERY_ADDRESS;
import static com.justelegance.privacy.events.codes.DataCategory.EMAIL;
import static com.justelegance.privacy.events.codes.DataCategory.MARKETING_PREFERENCES;
import static com.justelegance.privacy.events.codes.DataCategory.RETENTION_TIMELINE;
import static com.justelegance.privacy.events.codes.WithheldReason.LEGAL_HOLD;
import static com.justelegance.privacy.events.codes.WithheldReason.SUPPRESSION_LIST;

/** A certificate with a bit of everything: erased and kept lines, an open-ended and a dated one, a recipient. */
public final class CertificateFixtures {

    /** A keyed hash as the kit makes them: 64 hex digits. */
    public static final String SUBJECT_REF = "a3f1".repeat(16);

    private CertificateFixtures() {
    }

    public static ErasureCertificate certificate() {
        return new ErasureCertificate(UUID.fromString("6f1c2b1e-0000-4000-8000-000000000001"), "DSR-2026-0042",
                SUBJECT_REF, "dsr-erasure-42", LocalDate.parse("2026-03-02"),
                Instant.parse("2026-03-20T09:30:15.123456789Z"), Outcome.PARTIALLY_COMPLETED,
                List.of(new Participant("consent-service", Instant.parse("2026-03-19T12:00:00Z"),
                                List.of(new Erased(EMAIL, 2)), List.of(new Kept(MARKETING_PREFERENCES, SUPPRESSION_LIST,
                                null))),
                        new Participant("retention-service", Instant.parse("2026-03-19T12:05:00Z"), List.of(),
                                List.of(new Kept(RETENTION_TIMELINE, LEGAL_HOLD, LocalDate.parse("2027-01-31"))))),
                List.of(new RecipientNotified("Müller \"Logistik\" GmbH", List.of(DELIVERY_ADDRESS, CONTACT_NAME),
                        Instant.parse("2026-03-19T15:00:00Z"))),
                List.of("Erased."));
    }
}
