package com.justelegance.privacy.dsr.correspondence;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.LogCapture;
import com.justelegance.privacy.testing.TestMailServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.arrayWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyArray;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every kind of letter, sent over real SMTP to a real mail server (GreenMail) and read back as the recipient gets
 * it: from the privacy address, with the case's facts and nothing left of the template's own syntax.
 */
@QuarkusTest
class LettersTest {

    private static final String ADA = "ada.lovelace@example.org";
    private static final String REFERENCE = "DSR-2026-0042";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 3);
    // One month is 3 April 2026, Good Friday; Easter Monday follows: due the Tuesday.
    private static final LocalDate DUE = LocalDate.of(2026, 4, 7);

    @InjectMailServer
    GreenMail mailServer;

    @Inject
    Letters letters;

    @BeforeEach
    void emptyMailServer() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void eachLetterArrivesFromThePrivacyAddressWithTheCaseFacts(LetterKind kind) throws Exception {
        SentLetter sent;
        try (LogCapture logs = LogCapture.start()) {
            sent = letters.send(kind, ADA, factsFor(kind).withRequesterName("Ada Lovelace"));
            assertThat(logs.lines(), everyItem(allOf(not(containsString(ADA)), not(containsString("Lovelace")))));
        }

        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received, arrayWithSize(1));
        MimeMessage letter = received[0];
        assertThat(letter.getRecipients(Message.RecipientType.TO),
                equalTo(new InternetAddress[]{new InternetAddress(ADA)}));
        assertThat(((InternetAddress) letter.getFrom()[0]).getAddress(), equalTo(TestMailServer.DEFAULT_ADDRESS));
        assertThat(letter.getSubject(), equalTo(sent.subject()));
        assertThat(letter.getSubject(), containsString(REFERENCE));
        assertThat(letter.getMessageID(), equalTo(sent.messageId()));
        assertThat(sent.kind(), equalTo(kind));

        String body = ((String) letter.getContent()).replace("\r\n", "\n");
        assertThat(body.strip(), equalTo(sent.body().strip()));
        assertThat(body, startsWith("Dear Ada Lovelace,\n\n"));
        assertThat(body, containsString("Reference:      " + REFERENCE));
        assertThat(body, containsString("Received on:    3 March 2026"));
        assertThat(body, containsString("Answer due by:  7 April 2026"));
        assertThat(body, containsString("Request:        your request for a copy of your personal data"));
        assertThat(body, containsString(TestMailServer.DEFAULT_ADDRESS));
        // Nothing of the template language, nothing unfilled.
        for (String leftover : List.of("{", "}", "null", "NOT_FOUND", "\n\n\n")) {
            assertThat(kind + " letter has '" + leftover + "'", body, not(containsString(leftover)));
        }
    }

    @Test
    void anIdentityRequestCarriesTheCodeAndWhenItExpires() throws Exception {
        letters.send(LetterKind.IDENTITY_REQUEST, ADA, factsFor(LetterKind.IDENTITY_REQUEST));

        String body = bodyOfOnlyLetter();
        assertThat(body, containsString("    K7Q-42X"));
        assertThat(body, containsString("until 5 March 2026 at 17:30 (UK time)"));
        assertThat(body, startsWith("Hello,\n\n"));
    }

    @Test
    void aRefusalGivesTheReasonAndTheRightToComplainToTheIcoAndToACourt() throws Exception {
        letters.send(LetterKind.REFUSAL, ADA, factsFor(LetterKind.REFUSAL));

        String body = bodyOfOnlyLetter();
        assertThat(body, containsString("We could not find any account or order linked to this e-mail address."));
        assertThat(body, containsString("Information Commissioner's Office (ICO)"));
        assertThat(body, containsString("https://ico.org.uk/make-a-complaint/"));
        assertThat(body, containsString("0303 123 1113"));
        assertThat(body, containsString("judicial remedy"));
    }

    @Test
    void completionsSayWhatWasDoneInTheWayTheRequestNeeds() throws Exception {
        LetterFacts access = LetterFacts.of(REFERENCE, SubjectRequestType.ACCESS, RECEIVED, DUE)
                .withLink("https://privacy.justelegance.example/exports/3f9c2", LocalDate.of(2026, 4, 30));
        LetterFacts erasure = LetterFacts.of(REFERENCE, SubjectRequestType.ERASURE, RECEIVED, DUE)
                .withCertificate("ERC-7781", List.of("Account and profile: erased", "Marketing consents: erased"));

        String accessBody = letters.send(LetterKind.COMPLETION, ADA, access).body();
        String erasureBody = letters.send(LetterKind.COMPLETION, ADA, erasure).body();

        assertThat(accessBody, containsString("    https://privacy.justelegance.example/exports/3f9c2"));
        assertThat(accessBody, containsString("The link works until 30 April 2026."));
        assertThat(erasureBody, containsString("erasure certificate, reference ERC-7781"));
        assertThat(erasureBody, containsString("  - Account and profile: erased\n  - Marketing consents: erased\n"));
        assertThat(mailServer.getReceivedMessages(), arrayWithSize(2));
    }

    @Test
    void aLetterLackingWhatItsKindNeedsIsNotSent() {
        LetterFacts noCertificate = LetterFacts.of(REFERENCE, SubjectRequestType.ERASURE, RECEIVED, DUE);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> letters.send(LetterKind.COMPLETION, ADA, noCertificate));

        assertThat(refused.getMessage(), equalTo("A COMPLETION letter needs certificateId, certificateSummary"));
        assertThat(mailServer.getReceivedMessages(), emptyArray());
    }

    private String bodyOfOnlyLetter() throws Exception {
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received, arrayWithSize(1));
        return ((String) received[0].getContent()).replace("\r\n", "\n");
    }

    /** An access request's facts, with what each kind of letter needs. */
    static LetterFacts factsFor(LetterKind kind) {
        LetterFacts facts = LetterFacts.of(REFERENCE, SubjectRequestType.ACCESS, RECEIVED, DUE);
        return switch (kind) {
            case ACKNOWLEDGEMENT -> facts;
            case IDENTITY_REQUEST -> facts.withCode("K7Q-42X", Instant.parse("2026-03-05T17:30:00Z"));
            case CLARIFICATION_REQUEST -> facts.withReason(
                    "You mention \"the old account\". Which e-mail address did you use for it?");
            case EXTENSION_NOTICE -> facts.withReason(
                    "Your request covers twelve years of orders held in three systems.");
            case COMPLETION -> facts.withLink("https://privacy.justelegance.example/exports/3f9c2",
                    LocalDate.of(2026, 4, 30));
            case PARTIAL_COMPLETION -> facts
                    .withLink("https://privacy.justelegance.example/exports/3f9c2", LocalDate.of(2026, 4, 30))
                    .withWithheld(List.of("Notes of a fraud investigation: telling you would prejudice the "
                            + "prevention of crime (Data Protection Act 2018, Schedule 2, paragraph 2)"));
            case REFUSAL -> facts.withReason(
                    "We could not find any account or order linked to this e-mail address.");
            case RESTRICTION_LIFTED -> facts.withReason(
                    "We have checked the address you disputed and corrected it as you asked.");
        };
    }
}
