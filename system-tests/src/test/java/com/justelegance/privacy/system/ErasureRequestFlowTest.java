package com.justelegance.privacy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.StorefrontErasure;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A customer's erasure request, from the case to the certificate, across the packaged services and the simulated
 * storefront: every participant answers with a receipt, the storefront keeps the recent orders for tax (so the
 * request ends partially completed), the signed certificate checks out at dsr-service and with its public key alone,
 * the customer's opt-out of marketing e-mails outlives the erasure, and every third party that received the
 * customer's data, and none other, is to be told (Art. 19).
 */
@ExtendWith(RunningSystem.class)
class ErasureRequestFlowTest {

    private static final Set<String> PARTICIPANTS = Set.of("consent-service", "retention-service",
            "disclosure-service", "storefront");
    /** Ed25519 public keys as X.509 SubjectPublicKeyInfo: this prefix, then the 32 bytes of the JWK's x. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anErasureRequestIsAnsweredByEveryServiceAndEndsWithACertificateAnyoneCanCheck() throws Exception {
        // A customer of the storefront who made marketing choices, whose parcels went with a courier, and whose
        // orders are recent enough to be kept for tax (well inside six years: 1000 days of history at most).
        String run = "er" + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> customers = ErasureCases.playStorefrontCustomers(run, 30, 1000, 2026);
        Customer customer = customers.stream()
                .filter(c -> c.email() != null && c.name() != null)
                .filter(c -> c.marketingPreferences().stream().anyMatch(p -> p.purpose().equals("EMAIL_MARKETING")))
                .filter(c -> c.orders().stream().anyMatch(order -> order.deliveryAddress() != null))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The seeded run has no customer with an e-mail marketing "
                        + "choice and a delivered order; pick another seed"));
        String subject = customer.subjectId();
        ErasureCases.awaitKnownEverywhere(customer);
        Set<String> recipientsOfTheirData = disclosures(subject).getList("recipient", String.class).stream()
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(recipientsOfTheirData, not(empty()));

        // Before asking for the erasure they opt out of marketing e-mails in their account settings, giving their
        // address: consent-service puts it on the suppression list.
        given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(Map.of("choices", List.of(Map.of("purpose", "EMAIL_MARKETING", "state", "WITHDRAWN")),
                        "policyVersion", "2026-11", "source", "ACCOUNT_SETTINGS", "method", "SAVE",
                        "contactIdentifiers", List.of(Map.of("type", "EMAIL", "value", customer.email()))))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);
        assertThat("suppressed before the erasure", emailSuppressed(customer.email()), is(true));

        // Customer service records the request; dsr-service acknowledges it by letter.
        JsonPath opened = ErasureCases.openErasureCase(customer);
        String caseId = opened.getString("id");
        String reference = opened.getString("reference");
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersTo(customer.email()).stream()
                .anyMatch(letter -> subjectOf(letter).contains(reference)));

        // The privacy officer carries it out; the case waits for the services, then closes itself.
        assertThat(ErasureCases.requestErasure(caseId).getString("status"), equalTo("AWAITING_OTHER_SERVICES"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !ErasureCases.caseStatus(caseId).equals("AWAITING_OTHER_SERVICES"));
        // The storefront keeps the orders' tax records, an exception of Art. 17(3)(b): partially completed.
        assertThat(ErasureCases.caseStatus(caseId), equalTo("PARTIALLY_COMPLETED"));

        // A receipt from every participant, each saying what it erased and what it kept, why and until when.
        JsonPath erasure = ErasureCases.erasure(caseId);
        assertThat(erasure.getList("awaiting"), empty());
        assertThat(erasure.getList("receipts.service", String.class), containsInAnyOrder(PARTICIPANTS.toArray()));
        Set<String> ordersKeptUntil = customer.orders().stream()
                .map(StorefrontErasure::keptUntil).map(LocalDate::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat("the storefront keeps each order's tax record until six years after its date",
                keptBy(erasure, "storefront"), equalTo(ordersKeptUntil.stream()
                        .map(until -> "PURCHASE_HISTORY/LEGAL_OBLIGATION/" + until)
                        .collect(Collectors.toCollection(TreeSet::new))));
        assertThat("the storefront erased the customer's name, e-mail address and addresses",
                erasedBy(erasure, "storefront").keySet(),
                hasItems("CONTACT_NAME", "EMAIL", "DELIVERY_ADDRESS", "MARKETING_PREFERENCES"));
        assertThat("consent-service keeps the suppression entry", keptBy(erasure, "consent-service"),
                hasItem("MARKETING_PREFERENCES/SUPPRESSION_LIST/null"));
        assertThat("consent-service erased the consent history", erasedBy(erasure, "consent-service")
                .getOrDefault("CONSENT_RECORDS", 0L), greaterThan(0L));
        assertThat("disclosure-service erased the subject's ledger", erasedBy(erasure, "disclosure-service")
                .getOrDefault("DISCLOSURE_RECORDS", 0L), greaterThan(0L));

        // The certificate checks out at dsr-service, and with nothing but its published key; altered, it does not.
        String certificate = given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}/erasure/certificate", caseId)
                .then().statusCode(200).extract().asString();
        JsonNode signed = JSON.readTree(certificate);
        assertThat(signed.at("/certificate/caseReference").asText(), equalTo(reference));
        assertThat(signed.at("/certificate/outcome").asText(), equalTo("PARTIALLY_COMPLETED"));
        assertThat(signed.at("/certificate/participants").findValuesAsText("service"),
                containsInAnyOrder(PARTICIPANTS.toArray()));
        assertThat("the certificate names no subject id", certificate, not(containsString(subject)));
        // Art. 19 on the certificate: exactly the recipients the customer's data went to, as disclosure-service's
        // receipt named them.
        assertThat(new TreeSet<>(signed.at("/certificate/recipientsNotified").findValuesAsText("recipient")),
                equalTo(recipientsOfTheirData));
        assertThat(verifiedByDsr(certificate).getBoolean("valid"), is(true));
        assertThat(verifiedWithJwksAlone(signed), is(true));
        ObjectNode altered = signed.deepCopy();
        ((ObjectNode) altered.get("certificate")).put("outcome", "COMPLETED");
        JsonPath refused = verifiedByDsr(JSON.writeValueAsString(altered));
        assertThat(refused.getBoolean("valid"), is(false));
        assertThat(refused.getString("problem"), equalTo("SIGNATURE_MISMATCH"));
        assertThat(verifiedWithJwksAlone(altered), is(false));

        // The opt-out outlives the erasure: the address stays suppressed for e-mail marketing.
        assertThat("suppressed after the erasure", emailSuppressed(customer.email()), is(true));

        // Art. 19: a notice for exactly the recipients the customer's data went to, for this request.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                notices(subject).getList("recipient", String.class).stream().collect(Collectors.toSet()),
                equalTo(recipientsOfTheirData)));
        JsonPath notices = notices(subject);
        assertThat(notices.getList("recipient"), hasSize(recipientsOfTheirData.size()));
        assertThat(notices.getList("requestId", String.class), everyItem(equalTo(caseId)));
        assertThat(notices.getList("kind", String.class), everyItem(equalTo("ERASURE")));
        assertThat("the ledger is gone", disclosures(subject).getList("$"), empty());

        // The storefront no longer finds them by their e-mail address, and holds only the orders' tax records.
        given().baseUri(RunningSystem.storefrontUrl())
                .header("Authorization", TestTokens.bearer(Roles.DSR_SERVICE))
                .queryParam("email", customer.email())
                .when().get("/data-source/v1/subjects")
                .then().statusCode(200).body("subjectIds", empty());
        JsonPath held = given().baseUri(RunningSystem.storefrontUrl())
                .header("Authorization", TestTokens.bearer(Roles.DSR_SERVICE))
                .when().get("/data-source/v1/subjects/{subject}/data", subject)
                .then().statusCode(200).extract().jsonPath();
        assertThat(held.getList("categories.category"), contains("orders"));
        assertThat(held.getList("categories[0].data.nameAndAddressesRemoved"), everyItem(is(true)));
        assertThat(held.getList("categories[0].data.recipientName"), everyItem(nullValue()));
    }

    private static JsonPath disclosures(String subject) {
        return given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath notices(String subject) {
        return given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/notices", subject)
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean emailSuppressed(String email) {
        List<Map<String, Object>> suppressed = given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "identifiers", List.of(Map.of("type", "EMAIL", "value", email))))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200).extract().jsonPath().getList("suppressed");
        return suppressed.size() == 1;
    }

    /** What a participant's receipt says it kept, as {@code CATEGORY/REASON/until}. */
    private static Set<String> keptBy(JsonPath erasure, String service) {
        List<Map<String, Object>> kept = erasure.getList("receipts.find { it.service == '" + service + "' }.kept");
        return kept.stream().map(line -> line.get("category") + "/" + line.get("reason") + "/" + line.get("until"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What a participant's receipt says it erased: count per category. */
    private static Map<String, Long> erasedBy(JsonPath erasure, String service) {
        List<Map<String, Object>> erased = erasure.getList("receipts.find { it.service == '" + service
                + "' }.erased");
        Map<String, Long> counts = new TreeMap<>();
        erased.forEach(line -> counts.put((String) line.get("category"), ((Number) line.get("count")).longValue()));
        return counts;
    }

    private static JsonPath verifiedByDsr(String signedCertificate) {
        return given().baseUri(url(DSR))
                .contentType(ContentType.JSON)
                .body(signedCertificate)
                .when().post("/api/v1/erasure-certificates/verification")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Checks a signed certificate as someone outside would, with the published JWKS and no code of ours: the
     * Ed25519 signature over the certificate's canonical JSON (keys sorted, no whitespace; docs/erasure.md).
     */
    private static boolean verifiedWithJwksAlone(JsonNode signed) throws Exception {
        JsonNode keys = JSON.readTree(given().baseUri(url(DSR))
                .when().get("/api/v1/erasure-certificates/signing-keys")
                .then().statusCode(200).extract().asString()).get("keys");
        String keyId = signed.at("/signature/keyId").asText();
        JsonNode jwk = null;
        for (JsonNode key : keys) {
            if (key.get("kid").asText().equals(keyId)) {
                jwk = key;
            }
        }
        assertThat("the JWKS holds the key the signature names", jwk, notNullValue());
        assertThat(jwk.get("crv").asText(), equalTo("Ed25519"));
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(JSON.writeValueAsString(sortedKeys(signed.get("certificate")))
                .getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(signed.at("/signature/value").asText()));
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sortedKeys(field.getValue())));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> sorted.add(sortedKeys(element)));
            return sorted;
        }
        return node;
    }

    /** The letters dsr-service sent to an address, as that address's mailbox holds them. */
    private static List<MimeMessage> lettersTo(String address) throws Exception {
        List<MimeMessage> letters = new ArrayList<>();
        for (MimeMessage message : RunningSystem.mailServer().getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(recipient -> recipient.toString().contains(address))) {
                letters.add(message);
            }
        }
        return letters;
    }

    private static String subjectOf(MimeMessage letter) {
        try {
            return letter.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
