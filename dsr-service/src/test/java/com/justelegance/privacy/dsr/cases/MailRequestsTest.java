package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.dsr.mailbox.IncomingMail;
import com.justelegance.privacy.dsr.service.MailRequests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.queue;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A mail to the privacy address becomes one case, however often the mailbox hands it over: channel e-mail, the type
 * guessed from its words or left to be classified, the sender and the text kept encrypted on the case, and an
 * acknowledgement sent and kept when the type is known.
 */
@QuarkusTest
class MailRequestsTest {

    @Inject
    MailRequests mailRequests;

    @Test
    void aMailAskingForACopyOfTheDataOpensOneAccessCaseAndIsAcknowledged() {
        String sender = "mail." + UUID.randomUUID() + "@example.com";
        IncomingMail mail = new IncomingMail("<" + UUID.randomUUID() + "@mail.example.com>", sender, "Ann Example",
                List.of("privacy@justelegance.example"), "Subject access request",
                "Please send me a copy of all the personal data you hold about me.",
                Instant.parse("2026-09-03T08:00:00Z"), 0);

        mailRequests.receive(mail);
        mailRequests.receive(mail);

        List<String> opened = queue("includeClosed=true&type=ACCESS&limit=1000").extract().jsonPath()
                .getList("findAll { it.channel == 'EMAIL' && it.receivedOn == '2026-09-03' }.id");
        String id = opened.stream().filter(caseId -> sender.equals(view(caseId).extract().path("requester.email")))
                .findFirst().orElseThrow();
        assertThat(opened.stream().filter(caseId -> sender.equals(view(caseId).extract().path("requester.email")))
                .toList(), hasSize(1));
        view(id).body("type", equalTo("ACCESS"))
                .body("requester.name", equalTo("Ann Example"))
                .body("requester.message", containsString("a copy of all the personal data"))
                .body("recordedBy", equalTo("system:privacy-mailbox"))
                .body("trail.action", contains("opened", "letter-sent:ACKNOWLEDGEMENT"));
    }

    @Test
    void aMailThatDoesNotSayWhatItWantsWaitsToBeClassifiedWithoutALetter() {
        String sender = "vague." + UUID.randomUUID() + "@example.com";
        mailRequests.receive(new IncomingMail("<" + UUID.randomUUID() + "@mail.example.com>", sender, null,
                List.of("privacy@justelegance.example"), "Hello", "I have a question about my account.",
                Instant.now(), 0));

        String id = queue("limit=1000").extract().jsonPath().<String>getList("findAll { it.type == null }.id")
                .stream().filter(caseId -> sender.equals(view(caseId).extract().path("requester.email")))
                .findFirst().orElseThrow();
        view(id).body("type", nullValue()).body("channel", equalTo("EMAIL"))
                .body("trail.action", contains("opened"));
    }
}
