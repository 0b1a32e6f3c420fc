package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate.RecipientNotified;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.ErasureStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.justelegance.privacy.events.codes.DataCategory.CONTACT_NAME;
import static com.justelegance.privacy.events.codes.DataCategory.DELIVERY_ADDRESS;
import static com.justelegance.privacy.events.codes.DataCategory.EMAIL;
import static com.justelegance.privacy.events.codes.DataCategory.MARKETING_PREFERENCES;
import static com.justelegance.privacy.events.codes.DataCategory.RETENTION_TIMELINE;
import static com.justelegance.privacy.events.codes.WithheldReason.ERASURE_RECORD;
import static com.justelegance.privacy.events.codes.WithheldReason.LEGAL_HOLD;
import static com.justelegance.privacy.events.codes.WithheldReason.SUPPRESSION_LIST;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * A certificate for an erasure tracked in the service's database, with receipts recorded as the kit records them,
 * signed by the service; then checked as someone holding it would: with nothing but the published JWK and the JDK,
 * and with the verification endpoint, neither needing a token.
 */
@QuarkusTest
class ErasureCertificateResourceTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";
    /** The third party's JSON library: a plain mapper, nothing of the service's configuration. */
    private static final ObjectMapper THIRD_PARTY = new ObjectMapper();

    @Inject
    ErasureReceipts receipts;

    @Inject
    ErasureCertificates certificates;

    @Inject
    KeyedHash keyedHash;

    /** The service's own mapper: a certificate reaches its requester as the REST layer writes it. */
    @Inject
    ObjectMapper restMapper;

    @Test
    void theSigningKeysAreAJsonWebKeySetOfOneEd25519Key() {
        given().when().get("/api/v1/erasure-certificates/signing-keys")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("keys.size()", equalTo(1))
                .body("keys[0].kty", equalTo("OKP"))
                .body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].alg", equalTo("EdDSA"))
                .body("keys[0].kid", equalTo(certificates.signingKeys().getFirst().kid()));
    }

    @Test
    void aThirdPartyVerifiesACertificateWithTheJwkAndTheJdkAlone() throws Exception {
        String signed = signedCertificateJson();
        JsonNode held = THIRD_PARTY.readTree(signed);

        assertThat(held.at("/certificate/outcome").asText(), equalTo("PARTIALLY_COMPLETED"));
        assertThat(thirdPartyVerifies(held), equalTo(true));

        ObjectNode lessErased = held.deepCopy();
        ((ObjectNode) lessErased.at("/certificate/participants/0/erased/0")).put("count", 1);
        assertThat(thirdPartyVerifies(lessErased), equalTo(false));
    }

    @Test
    void theVerificationEndpointSaysWhetherACertificateIsUnchanged() throws Exception {
        String signed = signedCertificateJson();
        JsonNode held = THIRD_PARTY.readTree(signed);
        String keyId = held.at("/signature/keyId").asText();

        verify(signed).statusCode(200)
                .body("valid", equalTo(true))
                .body("keyId", equalTo(keyId))
                .body("$", not(hasKey("problem")));
        // Reformatted by whoever held it: still the same certificate.
        verify(THIRD_PARTY.writerWithDefaultPrettyPrinter().writeValueAsString(held)).statusCode(200)
                .body("valid", equalTo(true));

        ObjectNode otherCategory = held.deepCopy();
        ((ObjectNode) otherCategory.at("/certificate/participants/0/erased/0")).put("category", "PHONE");
        verify(otherCategory.toString()).statusCode(200)
                .body("valid", equalTo(false))
                .body("keyId", equalTo(keyId))
                .body("problem", equalTo("SIGNATURE_MISMATCH"));

        ObjectNode otherKey = held.deepCopy();
        ((ObjectNode) otherKey.get("signature")).put("keyId", "0123456789abcdef");
        verify(otherKey.toString()).statusCode(200)
                .body("valid", equalTo(false))
                .body("problem", equalTo("UNKNOWN_KEY"));
    }

    @Test
    void whatIsNotASignedCertificateIsABadRequestNamingTheField() throws Exception {
        JsonNode held = THIRD_PARTY.readTree(signedCertificateJson());

        verify("{\"certificate\": ").statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"));

        ObjectNode unsigned = held.deepCopy();
        unsigned.remove("signature");
        verify(unsigned.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("signature"));

        ObjectNode noKeyId = held.deepCopy();
        ((ObjectNode) noKeyId.get("signature")).remove("keyId");
        verify(noKeyId.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("signature.keyId"));

        ObjectNode notAnObject = held.deepCopy();
        notAnObject.put("certificate", "a certificate");
        verify(notAnObject.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("certificate"));

        ObjectNode extraField = held.deepCopy();
        ((ObjectNode) extraField.get("certificate")).put("approvedBy", "someone");
        verify(extraField.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("certificate.approvedBy"));

        ObjectNode wordsForACount = held.deepCopy();
        ((ObjectNode) wordsForACount.at("/certificate/participants/0/erased/0")).put("count", "some secret words");
        verify(wordsForACount.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "unreadable-body"))
                .body("detail", containsString("certificate.participants[0].erased[0].count"))
                .body("detail", not(containsString("secret")));

        ObjectNode controlCharacter = held.deepCopy();
        ((ObjectNode) controlCharacter.get("certificate")).put("caseReference", "DSR\u0007");
        verify(controlCharacter.toString()).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("certificate.caseReference"));
    }

    private static ValidatableResponse verify(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/erasure-certificates/verification")
                .then();
    }

    /**
     * An erasure requested for a fresh subject and answered by every expected service, recorded through the kit as the
     * service's consumer will; the certificate for it, signed, as the REST layer writes it.
     */
    private String signedCertificateJson() throws Exception {
        String subject = "cust-" + UUID.randomUUID();
        String requestId = "dsr-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> receipts.track(
                List.of(new ErasureReceipts.NewErasure(requestId, subject, ErasureReason.DATA_SUBJECT_REQUEST)),
                null, Instant.now()));
        Instant completedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> receipts.recordReceipts(List.of(
                receipt(subject, new ErasureCompleted(requestId, "consent-service",
                        new ArrayList<>(List.of(new ErasedRecords(EMAIL, 2), new ErasedRecords(MARKETING_PREFERENCES, 3))),
                        new ArrayList<>(List.of(new WithheldRecords(MARKETING_PREFERENCES, SUPPRESSION_LIST, null))),
                        completedAt)),
                receipt(subject, new ErasureCompleted(requestId, "retention-service",
                        new ArrayList<>(List.of(new ErasedRecords(RETENTION_TIMELINE, 5))),
                        new ArrayList<>(List.of(new WithheldRecords(RETENTION_TIMELINE, LEGAL_HOLD,
                                        LocalDate.parse("2027-01-31")),
                                new WithheldRecords(RETENTION_TIMELINE, ERASURE_RECORD, null))),
                        completedAt)),
                receipt(subject, new ErasureCompleted(requestId, "disclosure-service", List.of(), List.of(),
                        completedAt)),
                receipt(subject, new ErasureCompleted(requestId, "storefront", List.of(), List.of(), completedAt)))));
        ErasureStatus status = QuarkusTransaction.requiringNew().call(() -> receipts.status(requestId)).orElseThrow();

        ErasureCertificate certificate = ErasureCertificate.fromErasureStatus(status, "DSR-2026-0042",
                LocalDate.parse("2026-03-02"), List.of(new RecipientNotified("Müller \"Logistik\" GmbH",
                        List.of(DELIVERY_ADDRESS, CONTACT_NAME), Instant.now())), Instant.now());
        assertThat(certificate.subjectRef(), equalTo(keyedHash.subjectRef(subject)));
        String json = restMapper.writeValueAsString(certificates.sign(certificate));
        assertThat(json, not(containsString(subject)));
        return json;
    }

    private static EventEnvelope<ErasureCompleted> receipt(String subject, ErasureCompleted payload) {
        return EventEnvelope.create(subject, payload.service(), payload.completedAt(), payload);
    }

    /**
     * What someone holding the certificate does, as docs/erasure.md tells them: fetch the JWKS, take the key whose
     * kid the signature names, and check the Ed25519 signature over the certificate's canonical form with the JDK.
     */
    private static boolean thirdPartyVerifies(JsonNode held) throws Exception {
        JsonNode jwks = THIRD_PARTY.readTree(given().when().get("/api/v1/erasure-certificates/signing-keys")
                .then().statusCode(200).extract().asString());
        JsonNode jwk = null;
        for (JsonNode key : jwks.get("keys")) {
            if (key.get("kid").asText().equals(held.at("/signature/keyId").asText())) {
                jwk = key;
            }
        }
        assertThat("the JWKS has the key the signature names", jwk != null, equalTo(true));
        assertThat(held.at("/signature/algorithm").asText(), equalTo("Ed25519"));
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
        // An Ed25519 SubjectPublicKeyInfo (RFC 8410) is this prefix and the 32 raw bytes.
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(x))));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(canonical(held.get("certificate")).getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(held.at("/signature/value").asText()));
    }

    /** The canonical form as documented, written out by hand: sorted keys, no whitespace, values as they are. */
    private static String canonical(JsonNode node) throws Exception {
        if (node.isObject()) {
            List<String> members = new ArrayList<>();
            node.properties().stream().map(Map.Entry::getKey).sorted().forEach(name -> {
                try {
                    members.add(THIRD_PARTY.writeValueAsString(name) + ":" + canonical(node.get(name)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return "{" + String.join(",", members) + "}";
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            for (JsonNode element : node) {
                elements.add(canonical(element));
            }
            return "[" + String.join(",", elements) + "]";
        }
        return THIRD_PARTY.writeValueAsString(node);
    }
}
