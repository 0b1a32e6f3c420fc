package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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
        String phone = newPhone();
        decide(person, """
                {"choices": [{"purpose": "SMS_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE",
                 "contactIdentifiers": [{"type": "PHONE", "value": "%s"}]}""".formatted(phone)).statusCode(201);

        decide(person, "SMS_MARKETING", "WITHDRAWN").statusCode(201);

        screenPhone(phone, null).body("suppressed[0].channels", contains("SMS"));
        screenEmail(email).body("suppressed", empty());
    }

    @Test
    void aPhoneNumberIsOnlyEverSuppressedOnPhoneChannelsAndAnEmailOnlyOnEmail() {
        String email = newEmail();
        String phone = newPhone();
        String person = newSubject();
        decide(person, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "WITHDRAWN"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE",
                 "contactIdentifiers": [{"type": "EMAIL", "value": "%s"}, {"type": "PHONE", "value": "%s"}]}"""
                .formatted(email, phone)).statusCode(201);

        screenEmail(email).body("suppressed[0].channels", contains("EMAIL"));
        screenPhone(phone, null).body("suppressed", empty());
        screenPhone(phone, "EMAIL").body("suppressed", empty());

        decide(person, "SMS_MARKETING", "WITHDRAWN").statusCode(201);
        decide(person, "POST_MARKETING", "OBJECTED").statusCode(201);

        screenPhone(phone, null).body("suppressed[0].channels", contains("SMS"));
        screenEmail(email).body("suppressed[0].channels", contains("EMAIL"));
    }

    @Test
    void entriesAddedByHandOnlyReachTheChannelsTheirIdentifierCanBeUsedOn() {
        String phone = newPhone();
        String email = newEmail();
        as(Roles.PRIVACY_OFFICER).body("""
                        {"identifiers": [{"type": "PHONE", "value": "%s"}, {"type": "EMAIL", "value": "%s"}],
                         "channels": ["EMAIL", "SMS", "PHONE", "POST"]}""".formatted(phone, email))
                .when().post("/api/v1/suppression-list/entries")
                .then().statusCode(204);

        screenPhone(phone, null).body("suppressed[0].channels", contains("SMS", "PHONE"));
        screenEmail(email).body("suppressed[0].channels", contains("EMAIL"));

        as(Roles.PRIVACY_OFFICER).body("""
                        {"identifiers": [{"type": "PHONE", "value": "%s"}], "channels": ["EMAIL", "POST"]}"""
                        .formatted(newPhone()))
                .when().post("/api/v1/suppression-list/entries")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/channel-not-applicable"))
                .body("detail", containsString("identifiers[0]"));
    }

    @Test
    void aPhoneNumberMatchesInAnyCommonSpellingAndOnlyOnItsChannel() {
        String person = newSubject();
        String local = "07700 9%05d".formatted((int) (Math.random() * 100_000));
        String international = "+44 (0)" + local.substring(1);
        decide(person, """
                {"choices": [{"purpose": "PHONE_MARKETING", "state": "OBJECTED"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "REJECT",
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

        screenEmail(email).body("suppressed[0].channels", contains("EMAIL"));
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

    private static ValidatableResponse screenPhone(String phone, String channel) {
        String onlyChannel = channel == null ? "" : "\"channel\": \"" + channel + "\", ";
        return as(Roles.MARKETING).body("""
                        {%s"identifiers": [{"type": "PHONE", "value": "%s"}]}""".formatted(onlyChannel, phone))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200);
    }

    /** A UK mobile number in the 07700 9 range the other tests here use. */
    private static String newPhone() {
        return "07700 9%05d".formatted(ThreadLocalRandom.current().nextInt(100_000));
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
