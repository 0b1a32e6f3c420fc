package com.justelegance.privacy.dsr.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Erased;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.Participant;
import com.justelegance.privacy.dsr.certificate.Verification.Problem;
import com.justelegance.privacy.kit.crypto.ServiceSigningKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static com.justelegance.privacy.events.codes.DataCategory.EMAIL;
import static com.justelegance.privacy.events.codes.DataCategory.PHONE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The certificate's canonical form, byte for byte as docs/erasure.md describes it, and its signature: it verifies
 * while the certificate is unchanged, and any change to a count, a category or the signature's key id is caught.
 */
class ErasureCertificatesTest {

    private static final String MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final ErasureCertificates certificates = new ErasureCertificates(
            ServiceSigningKey.derive(MASTER_KEY, ErasureCertificates.KEY_PURPOSE));

    @Test
    void theCanonicalFormHasSortedKeysNoWhitespaceIsoTimesToTheSecondAndEveryField() {
        String canonical = new String(CanonicalForm.of(CertificateFixtures.certificate()), StandardCharsets.UTF_8);

        assertThat(canonical, equalTo("{\"caseReference\":\"DSR-2026-0042\","
                + "\"certificateId\":\"6f1c2b1e-0000-4000-8000-000000000001\","
                + "\"erasureRequestId\":\"dsr-erasure-42\",\"issuedAt\":\"2026-03-20T09:30:15Z\","
                + "\"outcome\":\"PARTIALLY_COMPLETED\",\"participants\":["
                + "{\"answeredAt\":\"2026-03-19T12:00:00Z\",\"erased\":[{\"category\":\"EMAIL\",\"count\":2}],"
                + "\"kept\":[{\"category\":\"MARKETING_PREFERENCES\",\"reason\":\"SUPPRESSION_LIST\",\"until\":null}],"
                + "\"service\":\"consent-service\"},"
                + "{\"answeredAt\":\"2026-03-19T12:05:00Z\",\"erased\":[],"
                + "\"kept\":[{\"category\":\"RETENTION_TIMELINE\",\"reason\":\"LEGAL_HOLD\",\"until\":\"2027-01-31\"}],"
                + "\"service\":\"retention-service\"}],"
                + "\"recipientsNotified\":[{\"categories\":[\"DELIVERY_ADDRESS\",\"CONTACT_NAME\"],"
                + "\"notifiedAt\":\"2026-03-19T15:00:00Z\",\"recipient\":\"Müller \\\"Logistik\\\" GmbH\"}],"
                + "\"requestReceivedOn\":\"2026-03-02\",\"subjectRef\":\"" + CertificateFixtures.SUBJECT_REF + "\","
                + "\"summary\":[\"Erased.\"]}"));
    }

    @Test
    void theCanonicalFormOfTheJsonAsWrittenIsTheCanonicalFormOfTheCertificate() throws Exception {
        // Pretty-printed, keys in another order: the same canonical bytes.
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CertificateFixtures.certificate());

        assertThat(CanonicalForm.of(JSON.readTree(pretty)), equalTo(CanonicalForm.of(CertificateFixtures.certificate())));
    }

    @Test
    void aSignedCertificateVerifies() {
        SignedCertificate signed = certificates.sign(CertificateFixtures.certificate());

        assertThat(signed.signature().algorithm(), equalTo("Ed25519"));
        assertThat(signed.signature().keyId(), equalTo(certificates.signingKeys().getFirst().kid()));
        assertThat(Base64.getUrlDecoder().decode(signed.signature().value()).length, equalTo(64));
        assertThat(certificates.verify(signed), equalTo(new Verification(true, signed.signature().keyId(), null)));
    }

    @Test
    void aChangedCountDoesNotVerify() {
        SignedCertificate signed = certificates.sign(CertificateFixtures.certificate());

        SignedCertificate tampered = new SignedCertificate(withFirstErased(signed.certificate(), new Erased(EMAIL, 1)),
                signed.signature());

        assertThat(certificates.verify(tampered),
                equalTo(new Verification(false, signed.signature().keyId(), Problem.SIGNATURE_MISMATCH)));
    }

    @Test
    void aChangedCategoryDoesNotVerify() {
        SignedCertificate signed = certificates.sign(CertificateFixtures.certificate());

        SignedCertificate tampered = new SignedCertificate(withFirstErased(signed.certificate(), new Erased(PHONE, 2)),
                signed.signature());

        assertThat(certificates.verify(tampered).problem(), equalTo(Problem.SIGNATURE_MISMATCH));
    }

    @Test
    void aChangedKeyIdDoesNotVerify() {
        SignedCertificate signed = certificates.sign(CertificateFixtures.certificate());
        CertificateSignature signature = signed.signature();

        Verification verification = certificates.verify(new SignedCertificate(signed.certificate(),
                new CertificateSignature(signature.algorithm(), "0123456789abcdef", signature.value())));

        assertThat(verification, equalTo(new Verification(false, "0123456789abcdef", Problem.UNKNOWN_KEY)));
    }

    @Test
    void aSignatureByAnotherServiceKeyAnotherAlgorithmOrNotBase64DoesNotVerify() {
        ErasureCertificates otherService = new ErasureCertificates(ServiceSigningKey.derive(
                Base64.getEncoder().encodeToString(new byte[32]), ErasureCertificates.KEY_PURPOSE));
        ErasureCertificate certificate = CertificateFixtures.certificate();
        CertificateSignature ours = certificates.sign(certificate).signature();
        CertificateSignature theirs = otherService.sign(certificate).signature();

        assertThat(certificates.verify(new SignedCertificate(certificate, theirs)).problem(),
                equalTo(Problem.UNKNOWN_KEY));
        assertThat(certificates.verify(new SignedCertificate(certificate,
                        new CertificateSignature(ours.algorithm(), ours.keyId(), theirs.value()))).problem(),
                equalTo(Problem.SIGNATURE_MISMATCH));
        assertThat(certificates.verify(new SignedCertificate(certificate,
                        new CertificateSignature("RS256", ours.keyId(), ours.value()))).problem(),
                equalTo(Problem.UNSUPPORTED_ALGORITHM));
        assertThat(certificates.verify(new SignedCertificate(certificate,
                        new CertificateSignature(ours.algorithm(), ours.keyId(), "not*base64url"))).problem(),
                equalTo(Problem.MALFORMED_SIGNATURE));
        assertThat(certificates.verify(new SignedCertificate(certificate,
                        new CertificateSignature(ours.algorithm(), ours.keyId(), ours.value().substring(8)))).problem(),
                equalTo(Problem.MALFORMED_SIGNATURE));
    }

    /** The JSON as presented is what is checked: a count written as a string is not the count that was signed. */
    @Test
    void theJsonAsPresentedIsCheckedNotWhatItWouldBeReadAs() {
        SignedCertificate signed = certificates.sign(CertificateFixtures.certificate());
        JsonNode json = JSON.valueToTree(signed.certificate());
        JsonNode countAsText = json.deepCopy();
        ((ObjectNode) countAsText.get("participants").get(0).get("erased").get(0)).put("count", "2");
        JsonNode extraField = json.deepCopy();
        ((ObjectNode) extraField).put("note", "added");

        assertThat(certificates.verify(json, signed.signature()).valid(), equalTo(true));
        assertThat(certificates.verify(countAsText, signed.signature()).problem(), equalTo(Problem.SIGNATURE_MISMATCH));
        assertThat(certificates.verify(extraField, signed.signature()).problem(), equalTo(Problem.SIGNATURE_MISMATCH));
    }

    private static ErasureCertificate withFirstErased(ErasureCertificate certificate, Erased line) {
        List<Participant> participants = new ArrayList<>(certificate.participants());
        Participant first = participants.getFirst();
        participants.set(0, new Participant(first.service(), first.answeredAt(), List.of(line), first.kept()));
        return new ErasureCertificate(certificate.certificateId(), certificate.caseReference(),
                certificate.subjectRef(), certificate.erasureRequestId(), certificate.requestReceivedOn(),
                certificate.issuedAt(), certificate.outcome(), participants, certificate.recipientsNotified(),
                certificate.summary());
    }
}
