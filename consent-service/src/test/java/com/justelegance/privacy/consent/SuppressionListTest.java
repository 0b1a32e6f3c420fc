package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.decideWithEmail;
import static com.justelegance.privacy.consent.ConsentApi.newEmail;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static com.justelegance.privacy.consent.ConsentApi.screenEmail;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A marketing opt-out puts the person's identifiers on the suppression list as keyed hashes; marketing screens a
 * send list against it and learns only which of its own entries are suppressed, and on which channels.
 */
@QuarkusTest
class SuppressionListTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anOptOutSuppressesTheEmailHoweverItIsWritten() {
        String email = newEmail();
        String person = newSubject();
        decideWithEmail(person, "EMAIL_MARKETING", "GRANTED", email).statusCode(201);
        screenEmail(email).statusCode(200).body("suppressed", empty());

        decideWithEmail(person, "EMAIL_MARKETING", "WITHDRAWN", email).statusCode(201);

        String shouted = "  " + email.toUpperCase() + " ";
        String screening = as(Roles.MARKETING).body("""
                        {"identifiers": [{"type": "EMAIL", "value": "%s"}, {"type": "EMAIL", "value": "%s"},
                                         {"type": "EMAIL", "value": "%s"}]}""".formatted(newEmail(), shouted, email))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200)
                .body("screened", equalTo(3))
                .body("suppressed.index", contains(1, 2))
                .body("suppressed[0].channels", contains("EMAIL"))
                .extract().asString();
        assertThat(screening, not(containsString("@")));
        assertThat(storedSuppressionText(), not(containsString(email)));
    }

    @Test
    void anOptOutRecordedWithoutIdentifiersSuppressesThoseGivenBefore() {
        String email = newEmail();
        String person = newSubject();
        decideWithEmail(person, "SMS_MARKETING", "GRANTED", email).statusCode(201);
        decide(person, """
                {"choices": [{"purpose": "SMS_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE",
                 "contactIdentifiers": [{"type": "PHONE", "value": "07700 900%03d"}]}"""
                .formatted((int) (Math.random() * 1000))).statusCode(201);

        decide(person, "SMS_MARKETING", "WITHDRAWN").statusCode(201);

        screenEmail(email).body("suppressed[0].channels", contains("SMS"));
    }

    @Test
    void aPhoneNumberMatchesInAnyCommonSpellingAndOnlyOnItsChannel() {
        String person = newSubject();
        String local = "07700 9%05d".formatted((int) (Math.random() * 100_000));
        String international = "+44 (0)" + local.substring(1);
        decide(person, """
                {"choices": [{"purpose": "PHONE_MARKETING", "state": "OBJECTED"}], "policyVersion": "2026-11",
                 "source": "CUSTOMER_SERVICE", "method": "REJECT",
                 "contactIdentifiers": [{"type": "PHONE", "value": "%s"}]}""".formatted(local)).statusCode(201);

        as(Roles.MARKETING).body("""
                        {"channel": "PHONE", "identifiers": [{"type": "PHONE", "value": "%s"}]}"""
                        .formatted(international))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200)
                .body("suppressed.index", contains(0))
                .body("suppressed[0].channels", contains("PHONE"));
        as(Roles.MARKETING).body("""
                        {"channel": "SMS", "identifiers": [{"type": "PHONE", "value": "%s"}]}"""
                        .formatted(international))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200)
                .body("suppressed", empty());
    }

    @Test
    void anExplicitReConsentLiftsTheSuppression() {
        String email = newEmail();
        String person = newSubject();
        decideWithEmail(person, "EMAIL_MARKETING", "WITHDRAWN", email).statusCode(201);
        screenEmail(email).body("suppressed.index", contains(0));

        decideWithEmail(person, "EMAIL_MARKETING", "GRANTED", email).statusCode(201);

        screenEmail(email).body("suppressed", empty());
    }

    @Test
    void thePrivacyOfficerCanSuppressSomeoneWhoIsNotACustomer() {
        String email = newEmail();
        as(Roles.PRIVACY_OFFICER).body("""
                        {"identifiers": [{"type": "EMAIL", "value": "%s"}], "channels": ["EMAIL", "POST"]}"""
                        .formatted(email))
                .when().post("/api/v1/suppression-list/entries")
                .then().statusCode(204);

        screenEmail(email).body("suppressed[0].channels", contains("EMAIL", "POST"));
    }

    @Test
    void anIdentifierThatIsNotOneIsRefusedWithoutBeingQuoted() {
        as(Roles.MARKETING).body("""
                        {"identifiers": [{"type": "EMAIL", "value": "a@b.example"},
                                         {"type": "PHONE", "value": "my secret number"}]}""")
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-identifier"))
                .body("detail", containsString("identifiers[1]"))
                .body("detail", not(containsString("secret")));
    }

    @SuppressWarnings("unchecked")
    private String storedSuppressionText() {
        return QuarkusTransaction.requiringNew().call(() -> String.join("\n", (List<String>) entityManager
                .createNativeQuery("""
                        SELECT identifier_hash || ' ' || channel FROM suppression_entry
                        UNION ALL SELECT identifier_hash || ' ' || identifier_type FROM subject_contact""")
                .getResultList()));
    }
}
