package com.justelegance.privacy.dsr.certificate;

import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Erased;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Kept;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Outcome;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Participant;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.RecipientNotified;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.ErasureStatus;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.Receipt;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.RequestedErasure;
import com.justelegance.privacy.kit.erasure.ErasureResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.justelegance.privacy.events.codes.DataCategory.CONSENT_RECORDS;
import static com.justelegance.privacy.events.codes.DataCategory.DELIVERY_ADDRESS;
import static com.justelegance.privacy.events.codes.DataCategory.DISCLOSURE_RECORDS;
import static com.justelegance.privacy.events.codes.DataCategory.EMAIL;
import static com.justelegance.privacy.events.codes.DataCategory.MARKETING_PREFERENCES;
import static com.justelegance.privacy.events.codes.DataCategory.RETENTION_TIMELINE;
import static com.justelegance.privacy.events.codes.WithheldReason.ERASURE_RECORD;
import static com.justelegance.privacy.events.codes.WithheldReason.LEGAL_HOLD;
import static com.justelegance.privacy.events.codes.WithheldReason.SUPPRESSION_LIST;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A certificate built from the kit's erasure status: the receipts as the kit stores them, the subject only as its
 * keyed hash, and an outcome that says whether anything was kept under an exception to erasure.
 */
class ErasureCertificateTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-03-18T10:00:00Z");
    private static final Instant ISSUED_AT = Instant.parse("2026-03-20T09:30:15Z");
    private static final LocalDate RECEIVED_ON = LocalDate.parse("2026-03-02");
    private static final List<RecipientNotified> ROYAL_MAIL = List.of(new RecipientNotified("royal-mail",
            List.of(DELIVERY_ADDRESS), Instant.parse("2026-03-19T15:00:00Z")));

    @Test
    void theReceiptsAsTheKitStoresThemBecomeOneParticipantEach() {
        ErasureStatus status = status(List.of(
                receipt("retention-service", ErasureResult.nothing().erased(RETENTION_TIMELINE, 7)
                        .kept(RETENTION_TIMELINE, ERASURE_RECORD, null)),
                receipt("consent-service", ErasureResult.nothing().erased(MARKETING_PREFERENCES, 3).erased(EMAIL, 1)
                        .kept(MARKETING_PREFERENCES, SUPPRESSION_LIST, null))));

        ErasureCertificate certificate = ErasureCertificate.fromErasureStatus(status, "DSR-2026-0042", RECEIVED_ON,
                ROYAL_MAIL, ISSUED_AT);

        assertThat(certificate.subjectRef(), equalTo(CertificateFixtures.SUBJECT_REF));
        assertThat(certificate.erasureRequestId(), equalTo("dsr-erasure-42"));
        assertThat(certificate.caseReference(), equalTo("DSR-2026-0042"));
        assertThat(certificate.requestReceivedOn(), equalTo(RECEIVED_ON));
        assertThat(certificate.issuedAt(), equalTo(ISSUED_AT));
        assertThat(certificate.outcome(), equalTo(Outcome.COMPLETED));
        assertThat(certificate.participants(), contains(
                new Participant("consent-service", Instant.parse("2026-03-19T12:00:00Z"),
                        List.of(new Erased(MARKETING_PREFERENCES, 3), new Erased(EMAIL, 1)),
                        List.of(new Kept(MARKETING_PREFERENCES, SUPPRESSION_LIST, null))),
                new Participant("retention-service", Instant.parse("2026-03-19T12:00:00Z"),
                        List.of(new Erased(RETENTION_TIMELINE, 7)),
                        List.of(new Kept(RETENTION_TIMELINE, ERASURE_RECORD, null)))));
        assertThat(certificate.recipientsNotified(), equalTo(ROYAL_MAIL));
    }

    /** The JSON of a stored receipt, written out: what the kit keeps in erasure_receipt_record. */
    @Test
    void aStoredReceiptWithADatedKeptLineIsRead() {
        Receipt stored = new Receipt("disclosure-service", Instant.parse("2026-03-19T12:00:00Z"),
                "[{\"category\":\"DISCLOSURE_RECORDS\",\"count\":4},{\"category\":\"CONSENT_RECORDS\",\"count\":1}]",
                "[{\"category\":\"DISCLOSURE_RECORDS\",\"reason\":\"LEGAL_HOLD\",\"until\":\"2027-01-31\"}]",
                Instant.parse("2026-03-19T12:00:02Z"), List.of("royal-mail"));

        ErasureCertificate certificate = ErasureCertificate.fromErasureStatus(status(List.of(stored)),
                "DSR-2026-0042", RECEIVED_ON, List.of(), ISSUED_AT);

        assertThat(certificate.participants().getFirst().erased(),
                equalTo(List.of(new Erased(DISCLOSURE_RECORDS, 4), new Erased(CONSENT_RECORDS, 1))));
        assertThat(certificate.participants().getFirst().kept(),
                equalTo(List.of(new Kept(DISCLOSURE_RECORDS, LEGAL_HOLD, LocalDate.parse("2027-01-31")))));
    }

    @Test
    void theRecipientsTheReceiptsNameAreListedOnceEach() {
        ErasureStatus status = status(List.of(
                receipt("disclosure-service", ErasureResult.nothing().notified("meta-audiences").notified("dpd")),
                receipt("storefront", ErasureResult.nothing().notified("dpd")),
                receipt("consent-service", ErasureResult.nothing())));

        List<RecipientNotified> recipients = ErasureCertificate.recipientsOf(status);

        assertThat(recipients.stream().map(RecipientNotified::recipient).toList(),
                equalTo(List.of("meta-audiences", "dpd")));
        assertThat(recipients.getFirst().notifiedAt(), equalTo(Instant.parse("2026-03-19T12:00:00Z")));
        ErasureCertificate certificate = ErasureCertificate.fromErasureStatus(status, "DSR-2026-0042", RECEIVED_ON,
                recipients, ISSUED_AT);
        assertThat(certificate.summary(), hasItem("We told dpd on 19 March 2026 to erase the data we had given it."));
    }

    @Test
    void dataKeptUnderALegalHoldMakesTheErasurePartial() {
        ErasureStatus status = status(List.of(receipt("retention-service", ErasureResult.nothing()
                .erased(RETENTION_TIMELINE, 2).kept(RETENTION_TIMELINE, LEGAL_HOLD, LocalDate.parse("2027-01-31")))));

        ErasureCertificate certificate = ErasureCertificate.fromErasureStatus(status, "DSR-2026-0042", RECEIVED_ON,
                List.of(), ISSUED_AT);

        assertThat(certificate.outcome(), equalTo(Outcome.PARTIALLY_COMPLETED));
        assertThat(certificate.summary(), hasItem("retention-service keeps retention timeline under a legal hold, "
                + "until 31 January 2027."));
    }

    @Test
    void theSummaryTellsTheRequesterInPlainEnglish() {
        ErasureStatus status = status(List.of(
                receipt("consent-service", ErasureResult.nothing().erased(EMAIL, 2)
                        .kept(MARKETING_PREFERENCES, SUPPRESSION_LIST, null)),
                receipt("disclosure-service", ErasureResult.nothing())));

        List<String> summary = ErasureCertificate.fromErasureStatus(status, "DSR-2026-0042", RECEIVED_ON,
                ROYAL_MAIL, ISSUED_AT).summary();

        assertThat(summary, equalTo(List.of(
                "Your personal data has been erased from every one of our systems that held it, apart from the "
                        + "records listed below that carrying out the erasure needs.",
                "consent-service erased email (2).",
                "consent-service keeps marketing preferences so that you are not sent marketing again, for as long "
                        + "as that is needed.",
                "disclosure-service held nothing to erase.",
                "We told royal-mail on 19 March 2026 to erase the data we had given it: delivery address.")));
    }

    @Test
    void noCertificateWhileAServiceHasNotAnswered() {
        ErasureStatus status = new ErasureStatus(request(),
                List.of(receipt("consent-service", ErasureResult.nothing().erased(EMAIL, 1))),
                List.of("retention-service"), false);

        assertThrows(IllegalStateException.class, () -> ErasureCertificate.fromErasureStatus(status,
                "DSR-2026-0042", RECEIVED_ON, List.of(), ISSUED_AT));
    }

    @Test
    void aTextWithAControlCharacterOrABlankOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecipientNotified("royal\nmail", List.of(EMAIL),
                ISSUED_AT));
        assertThrows(IllegalArgumentException.class, () -> ErasureCertificate.fromErasureStatus(status(List.of()),
                " ", RECEIVED_ON, List.of(), ISSUED_AT));
    }

    private static ErasureStatus status(List<Receipt> receipts) {
        return new ErasureStatus(request(), receipts, List.of(), false);
    }

    private static RequestedErasure request() {
        return new RequestedErasure("dsr-erasure-42", CertificateFixtures.SUBJECT_REF,
                ErasureReason.DATA_SUBJECT_REQUEST, null, REQUESTED_AT, Instant.parse("2026-03-19T12:00:05Z"));
    }

    /** A receipt as ErasureReceipts stores it: the event's lines as JSON written with the event codec. */
    private static Receipt receipt(String service, ErasureResult result) {
        try {
            return new Receipt(service, Instant.parse("2026-03-19T12:00:00Z"),
                    EventCodec.mapper().writeValueAsString(result.erasedRecords()),
                    EventCodec.mapper().writeValueAsString(result.keptRecords()),
                    Instant.parse("2026-03-19T12:00:01Z"), result.notifiedRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
