package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.LogCapture;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static com.justelegance.privacy.consent.ConsentApi.screenEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * A whole life of one person through the service (decisions with proof and identifiers, a GPC signal, an
 * unsubscribe, screening, mistakes in requests, erasure) while every log line and every event is captured: none
 * carries their e-mail address, phone number, network address or browser.
 */
@QuarkusTest
class NoPersonalDataLeaksTest {

    private static final String EMAIL = "leak.check." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    private static final String PHONE_DIGITS = "7700900" + (100 + (int) (Math.random() * 800));
    private static final String IP = "198.51.100.201";
    private static final String USER_AGENT = "LeakCheckBrowser/" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void noLogLineAndNoEventCarriesPersonalData() {
        String subject = newSubject();
        try (LogCapture logs = LogCapture.start();
             TopicProbe consents = TopicProbe.open(Topics.CONSENT);
             TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            liveAPersonsLife(subject);

            receipts.awaitEvent(e -> e.subjectId().equals(subject) && e.payload() instanceof ErasureCompleted);
            List<String> events = consents.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> subject.equals(r.key())).map(ConsumerRecord::value).toList();
            assertThat(events, not(empty()));
            List<String> everything = new ArrayList<>(events);
            receipts.drain(Duration.ZERO).stream().filter(r -> subject.equals(r.key()))
                    .map(ConsumerRecord::value).forEach(everything::add);
            everything.addAll(logs.lines());
            // The capture works: the erasure's own log line, which names the request, is there.
            assertThat(logs.lines().stream().anyMatch(line -> line.contains("Erasure " + erasureRequestOf(subject))),
                    equalTo(true));

            List<String> leaks = everything.stream().filter(NoPersonalDataLeaksTest::carriesPersonalData).toList();
            assertThat(leaks, hasSize(0));
        }
    }

    private static void liveAPersonsLife(String subject) {
        decide(subject, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"},
                             {"purpose": "SMS_MARKETING", "state": "GRANTED"}],
                 "policyVersion": "2026-11", "source": "CHECKOUT", "method": "ACCEPT",
                 "proof": {"ipAddress": "%s", "userAgent": "%s"},
                 "contactIdentifiers": [{"type": "EMAIL", "value": "%s"}, {"type": "PHONE", "value": "0%s"}]}"""
                .formatted(IP, USER_AGENT, EMAIL, PHONE_DIGITS)).statusCode(201);
        as(Roles.STOREFRONT).header("Sec-GPC", "1").body("""
                        {"choices": [], "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "SAVE",
                         "proof": {"ipAddress": "%s", "userAgent": "%s"}}""".formatted(IP, USER_AGENT))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);
        String token = as(Roles.MARKETING)
                .body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200).extract().path("links[0].token");
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscribe/{token}", token)
                .then().statusCode(200);
        screenEmail(EMAIL).statusCode(200);

        // Mistakes that put personal data where it does not belong are refused without repeating it.
        decide(EMAIL, "EMAIL_MARKETING", "GRANTED").statusCode(400);
        decide(subject, """
                {"choices": [{"purpose": "SMS_MARKETING", "state": "WITHDRAWN"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE",
                 "contactIdentifiers": [{"type": "PHONE", "value": "%s"}]}""".formatted(EMAIL)).statusCode(400);
        decide(subject, """
                {"choices": [{"purpose": "SMS_MARKETING", "state": "WITHDRAWN"}], "policyVersion": "2026-11",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE", "proof": {"ipAddress": "%s.invalid"}}"""
                .formatted(USER_AGENT)).statusCode(400);
        ConsentApi.export(subject).statusCode(200);

        TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(), UUID.randomUUID(),
                new ErasureRequested(erasureRequestOf(subject), ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));
    }

    private static String erasureRequestOf(String subject) {
        return "dsr-" + subject;
    }

    private static boolean carriesPersonalData(String text) {
        return text.contains(EMAIL) || text.contains(PHONE_DIGITS) || text.contains(IP) || text.contains(USER_AGENT)
                || text.contains("198.51.100");
    }
}
