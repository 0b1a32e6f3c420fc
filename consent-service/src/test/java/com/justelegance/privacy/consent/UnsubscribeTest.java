package com.justelegance.privacy.consent;

import com.justelegance.privacy.consent.domain.UnsubscribeToken;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A person clicks (or their mail client one-click POSTs) the unsubscribe link of a marketing e-mail: no login, the
 * opt-out takes effect at once, the same link again changes nothing, and a link that was not issued by us, was
 * altered or has expired is refused.
 */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    KeyedHash keyedHash;

    @Test
    void aOneClickPostUnsubscribesWithoutLoginAndIsPublished() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String url = issue("EMAIL_MARKETING", subject)
                .body("listUnsubscribePost", equalTo("List-Unsubscribe=One-Click"))
                .body("links", hasSize(1))
                .body("links[0].subjectId", equalTo(subject))
                .extract().path("links[0].url");
        assertThat(url, startsWith("http://localhost:8081/api/v1/unsubscribe/"));
        assertThat(url, not(containsString("@")));
        String token = url.substring(url.lastIndexOf('/') + 1);

        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            oneClick(token).statusCode(200)
                    .body("purpose", equalTo("EMAIL_MARKETING"))
                    .body("outcome", equalTo("UNSUBSCRIBED"));

            EventEnvelope<?> event = consents.awaitEvent(e -> e.subjectId().equals(subject)
                    && ((ConsentChanged) e.payload()).state() == ConsentState.WITHDRAWN);
            assertThat(((ConsentChanged) event.payload()).source(), equalTo(ConsentSource.UNSUBSCRIBE_LINK));
        }
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));
    }

    @Test
    void aReplayedTokenNeverUndoesALaterReConsent() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String token = token("EMAIL_MARKETING", subject);
        oneClick(token).statusCode(200).body("outcome", equalTo("UNSUBSCRIBED"));

        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201)
                .body("changedPurposes", contains("EMAIL_MARKETING"));
        oneClick(token).statusCode(200).body("outcome", equalTo("ALREADY_REDEEMED"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        ConsentApi.history(subject).body("source", contains("ACCOUNT_SETTINGS", "UNSUBSCRIBE_LINK",
                "ACCOUNT_SETTINGS"));
    }

    @Test
    void unsubscribingFromAnOptOutPurposeRecordsAnObjection() {
        String subject = newSubject();
        oneClick(token("POST_MARKETING", subject)).statusCode(200);
        check(subject, "POST_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("OBJECTED"));
    }

    @Test
    void aForgedTokenIsRefusedAndChangesNothing() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String forged = new UnsubscribeToken(UUID.randomUUID(), subject, "EMAIL_MARKETING",
                Instant.now().plusSeconds(3600)).encode(value -> keyedHash.of("someone-elses-key", value));

        oneClick(forged).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-unsubscribe-token"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
    }

    @Test
    void aTokenAlteredToAnotherSubjectIsRefused() {
        String victim = newSubject();
        decide(victim, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String mine = token("EMAIL_MARKETING", newSubject());
        String[] parts = mine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("~cust-[^~]+~", "~" + victim + "~").getBytes(StandardCharsets.UTF_8));

        oneClick(altered + "." + parts[1]).statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-unsubscribe-token"));

        check(victim, "EMAIL_MARKETING").body("allowed", equalTo(true));
    }

    @Test
    void anExpiredOrMalformedTokenIsRefused() {
        String subject = newSubject();
        String expired = new UnsubscribeToken(UUID.randomUUID(), subject, "EMAIL_MARKETING",
                Instant.now().minusSeconds(60)).encode(value -> keyedHash.of("consent-unsubscribe-token-v1", value));
        oneClick(expired).statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/expired-unsubscribe-token"));

        oneClick("definitely-not-a-token").statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/malformed-unsubscribe-token"));
    }

    @Test
    void linksAreOnlyIssuedForMarketingPurposes() {
        as(Roles.MARKETING).body("{\"purpose\": \"ANALYTICS_COOKIES\", \"subjectIds\": [\"" + newSubject() + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/not-a-marketing-purpose"));
    }

    private static ValidatableResponse issue(String purpose, String subject) {
        return as(Roles.MARKETING).body("{\"purpose\": \"" + purpose + "\", \"subjectIds\": [\"" + subject + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200);
    }

    private static String token(String purpose, String subject) {
        return issue(purpose, subject).extract().path("links[0].token");
    }

    /** What a mail client does for RFC 8058: POST List-Unsubscribe=One-Click to the link, without credentials. */
    private static ValidatableResponse oneClick(String token) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscribe/{token}", token)
                .then();
    }
}
