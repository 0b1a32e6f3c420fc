package com.justelegance.privacy.dsr.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.dsr.mailbox.IncomingMail;
import com.justelegance.privacy.dsr.service.MailRequests;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.InjectMailServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Proving who is asking with a one-time code sent to the requester's address, entered by staff or sent back by
 * mail, and the requester's replies going on their case: each letter really sent over SMTP and read back from the
 * mail server as the requester would.
 */
@QuarkusTest
class IdentityAndRepliesTest {

    @InjectMailServer
    GreenMail mailServer;

    @Inject
    MailRequests mailRequests;

    @Test
    void theCodeSentToTheRequesterVerifiesThemOnceAndWrongCodesAreCounted() {
        String email = "code." + UUID.randomUUID() + "@example.com";
        String id = openCase("ACCESS", email, null);

        officer(id, "identity-request", null).statusCode(200).body("status", equalTo("AWAITING_IDENTITY"));
        String code = SentLetters.codeSentTo(mailServer, email);
        String wrong = code.equals("000000") ? "000001" : "000000";

        step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"" + wrong + "\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/identity-code-refused"))
                .body(not(containsString(wrong)));
        step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"12ab\"}").statusCode(400);
        step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"" + code + "\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("trail.action", hasItems("letter-sent:IDENTITY_REQUEST", "identity-code-refused:WRONG",
                        "identity-verified:ONE_TIME_CODE"));
        step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"" + code + "\"}").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-status-conflict"));
    }

    @Test
    void afterFiveWrongCodesEvenTheRightOneIsRefused() {
        String email = "tries." + UUID.randomUUID() + "@example.com";
        String id = openCase("ERASURE", email, null);
        officer(id, "identity-request", null).statusCode(200);
        String code = SentLetters.codeSentTo(mailServer, email);
        String wrong = code.equals("999999") ? "999998" : "999999";

        for (int i = 0; i < 5; i++) {
            step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"" + wrong + "\"}").statusCode(409);
        }
        step(Roles.CUSTOMER_SERVICE, id, "identity-code", "{\"code\": \"" + code + "\"}").statusCode(409)
                .body("detail", containsString("Too many wrong codes"));
        view(id).body("status", equalTo("AWAITING_IDENTITY"))
                .body("trail.action", hasItem("identity-code-refused:TOO_MANY_TRIES"));
    }

    @Test
    void aReplyWithTheCodeFromTheRequestersAddressVerifiesThemAndAReplyFromElsewhereDoesNot() {
        String email = "reply." + UUID.randomUUID() + "@example.com";
        String id = openCase("ACCESS", email, null);
        String reference = view(id).extract().path("reference");
        officer(id, "identity-request", null).statusCode(200);
        String code = SentLetters.codeSentTo(mailServer, email);
        String subject = "Re: Please confirm your identity (ref " + reference + ")";

        mailRequests.receive(mail("someone.else@example.com", subject, "Here it is: " + code));
        view(id).body("status", equalTo("AWAITING_IDENTITY"));

        IncomingMail reply = mail(email, subject, "Hello,\n\nMy code is " + code + ".\n\nAnn");
        mailRequests.receive(reply);
        mailRequests.receive(reply);
        view(id).body("status", equalTo("IN_PROGRESS"))
                .body("trail.action", hasItems("mail-received", "identity-verified:ONE_TIME_CODE"))
                .body("trail.findAll { it.action == 'mail-received' }.size()", equalTo(1))
                .body("trail.why", hasItem(containsString("My code is")));
    }

    /**
     * The storefront's stand-in holds {@code <subject>@shop.example.com} as the customer's address: the code goes
     * there, so whoever wrote from another address must also control the customer's.
     */
    @Test
    void forAKnownCustomerTheCodeGoesToTheAddressOnFileAndAReplyFromThereVerifies() {
        String subject = DsrApi.newSubject();
        String onFile = subject + "@shop.example.com";
        String email = "claims." + UUID.randomUUID() + "@example.com";
        String id = openCase("ACCESS", email, "\"subjectId\": \"" + subject + "\"");
        String reference = view(id).extract().path("reference");

        officer(id, "identity-request", null).statusCode(200)
                .body("trail.why", hasItem(containsString("e-mail address on file")));
        String code = SentLetters.codeSentTo(mailServer, onFile);
        assertThat(SentLetters.to(mailServer, email).stream().filter(letter -> letter.contains(code)).toList(),
                empty());

        mailRequests.receive(mail(onFile, "Re: Please confirm your identity (ref " + reference + ")",
                "My code is " + code));
        view(id).body("status", equalTo("IN_PROGRESS"))
                .body("trail.action", hasItem("identity-verified:ONE_TIME_CODE"));
    }

    @Test
    void whenTheStorefrontCannotSayWhereToSendTheCodeNoneIsSent() {
        String email = "down." + UUID.randomUUID() + "@example.com";
        String id = openCase("ACCESS", email, "\"subjectId\": \"down-storefront-" + UUID.randomUUID() + "\"");
        officer(id, "identity-request", null).statusCode(503)
                .body("type", equalTo("https://privacy.justelegance.com/problems/data-source-unavailable"));
        view(id).body("status", equalTo("RECEIVED"))
                .body("trail.action", not(hasItem("identity-requested")));
    }

    @Test
    void aReplyToAQuestionIsTheClarificationAndTheClockResumes() {
        String email = "clarify." + UUID.randomUUID() + "@example.com";
        String id = openCase("RECTIFICATION", email, null);
        String reference = view(id).extract().path("reference");
        step(Roles.CUSTOMER_SERVICE, id, "clarification-request",
                "{\"question\": \"Which address is wrong?\"}").statusCode(200);
        SentLetters.awaitLetter(mailServer, email, "Which address is wrong?");

        mailRequests.receive(mail(email, "Re: We need more detail about your request (ref " + reference + ")",
                "The delivery address in Leeds."));
        view(id).body("status", equalTo("IN_PROGRESS"))
                .body("deadline.paused", equalTo(false))
                .body("trail.action", hasItems("letter-sent:CLARIFICATION_REQUEST", "mail-received",
                        "clarification-received"));
    }

    private static IncomingMail mail(String from, String subject, String body) {
        return new IncomingMail("<" + UUID.randomUUID() + "@mail.example.com>", from, null,
                List.of("privacy@justelegance.example"), subject, body, Instant.now(), 0);
    }
}
