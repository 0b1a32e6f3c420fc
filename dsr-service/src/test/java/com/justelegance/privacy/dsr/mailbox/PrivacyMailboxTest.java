package com.justelegance.privacy.dsr.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.mailbox.MailboxView.Seen;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.LogCapture;
import com.justelegance.privacy.testing.TestMailServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The privacy mailbox against a real IMAP server (GreenMail), with mail arriving over real SMTP: what people send
 * to the privacy address reaches the intake once, with its sender and text; other mail is left alone; a failed
 * intake loses nothing.
 */
@QuarkusTest
class PrivacyMailboxTest {

    private static final String PRIVACY = TestMailServer.DEFAULT_ADDRESS;
    private static final String ADA = "ada.lovelace@example.org";

    @InjectMailServer
    GreenMail mailServer;

    @Inject
    PrivacyMailbox mailbox;

    @Inject
    RecordingMailIntake intake;

    private MailboxView view;

    @BeforeEach
    void emptyMailbox() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        intake.reset();
        view = new MailboxView(mailServer);
    }

    @Test
    void aRequestToThePrivacyAddressReachesTheIntakeOnceAcrossTwoPolls() throws Exception {
        MimeMessage sent = view.newMessage("Ada Lovelace <" + ADA + ">", PRIVACY, "Subject access request");
        sent.setText("Hello,\n\nPlease send me a copy of all the personal data you hold about me.\n\nAda", "UTF-8");
        view.send(sent);

        PollOutcome first = mailbox.poll();
        PollOutcome second = mailbox.poll();

        assertThat(first, equalTo(new PollOutcome(1, 0, 0)));
        assertThat(second, equalTo(new PollOutcome(0, 0, 0)));
        assertThat(intake.received(), hasSize(1));
        IncomingMail mail = intake.received().getFirst();
        assertThat(mail.messageId(), equalTo(sent.getMessageID()));
        assertThat(mail.from(), equalTo(ADA));
        assertThat(mail.fromName(), equalTo("Ada Lovelace"));
        assertThat(mail.to(), contains(PRIVACY));
        assertThat(mail.subject(), equalTo("Subject access request"));
        assertThat(mail.textBody(),
                equalTo("Hello,\n\nPlease send me a copy of all the personal data you hold about me.\n\nAda"));
        assertThat(mail.receivedAt(), notNullValue());
        assertThat(mail.attachments(), equalTo(0));
        assertThat(RequestClassifier.classify(mail.subject(), mail.textBody()).orElseThrow().name(),
                equalTo("ACCESS"));
        // Taken in: out of the inbox, kept in the processed folder.
        assertThat(view.folder("INBOX"), empty());
        assertThat(view.folder("Processed"), contains(new Seen("Subject access request", false)));
    }

    @Test
    void aMessageNotAddressedToThePrivacyAddressIsLeftWhereItIs() throws Exception {
        // Delivered to the privacy mailbox, but addressed to someone else (as a shared mailbox's other alias).
        MimeMessage other = view.newMessage(ADA, "orders@justelegance.example", "Where is my parcel?");
        other.setText("My order has not arrived.", "UTF-8");
        view.sendTo(other, PRIVACY);

        PollOutcome outcome = mailbox.poll();

        assertThat(outcome, equalTo(new PollOutcome(0, 0, 1)));
        assertThat(intake.received(), empty());
        assertThat(view.folder("INBOX"), contains(new Seen("Where is my parcel?", false)));
    }

    @Test
    void aFailedIntakeLeavesTheMessageUnreadInTheInboxAndTheNextPollHandsItOverAgain() throws Exception {
        view.sendText(ADA, PRIVACY, "Please delete my account", "Please erase everything you hold about me.");
        intake.failing(true);

        PollOutcome failed;
        try (LogCapture logs = LogCapture.start()) {
            failed = mailbox.poll();
            assertThat(logs.lines(), everyItem(not(containsString(ADA))));
            assertThat(logs.lines(), everyItem(not(containsString("erase everything"))));
        }

        assertThat(failed, equalTo(new PollOutcome(0, 1, 0)));
        assertThat(intake.received(), empty());
        assertThat(view.folder("INBOX"), contains(new Seen("Please delete my account", false)));

        intake.failing(false);
        PollOutcome retried = mailbox.poll();

        assertThat(retried, equalTo(new PollOutcome(1, 0, 0)));
        assertThat(intake.received(), hasSize(1));
        assertThat(intake.received().getFirst().textBody(), equalTo("Please erase everything you hold about me."));
        assertThat(view.folder("INBOX"), empty());
    }

    @Test
    void aMessageTheIntakeFailsOnDoesNotHoldUpTheOthers() throws Exception {
        view.sendText(ADA, PRIVACY, "Copy of my data", "Please send me a copy of my data.");
        view.sendText("sam@example.org", PRIVACY, "Unsubscribe", "Please unsubscribe me.");
        intake.failingOn("Copy of my data");

        PollOutcome outcome = mailbox.poll();

        assertThat(outcome, equalTo(new PollOutcome(1, 1, 0)));
        assertThat(intake.received().stream().map(IncomingMail::subject).toList(), contains("Unsubscribe"));
        assertThat(view.folder("INBOX"), contains(new Seen("Copy of my data", false)));
    }

    @Test
    void anHtmlMessageWithAnAttachmentArrivesAsTextWithTheAttachmentCounted() throws Exception {
        MimeMessage sent = view.newMessage(ADA, PRIVACY, "Wrong address on my account");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><head><style>p {color: red}</style></head><body><p>Dear team,</p>"
                + "<p>My address is <b>wrong</b>.<br>It should be 12 Acacia Avenue.</p></body></html>",
                "text/html; charset=UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(
                "%PDF-1.4 proof of address".getBytes(StandardCharsets.US_ASCII), "application/pdf")));
        attachment.setFileName("council-tax-bill.pdf");
        sent.setContent(new MimeMultipart(html, attachment));
        view.send(sent);

        mailbox.poll();

        IncomingMail mail = intake.received().getFirst();
        assertThat(mail.textBody(), equalTo("Dear team,\n\nMy address is wrong.\nIt should be 12 Acacia Avenue."));
        assertThat(mail.attachments(), equalTo(1));
    }

    @Test
    void aBlindCopyIsTakenInWhenTheServerNamesThePrivacyAddressAsDeliveredTo() throws Exception {
        MimeMessage sent = view.newMessage(ADA, "ada.lovelace@example.org", "Stop marketing");
        sent.setHeader("Delivered-To", PRIVACY.toUpperCase());
        sent.setText("Please stop sending me marketing e-mails.", "UTF-8");
        view.sendTo(sent, PRIVACY);

        PollOutcome outcome = mailbox.poll();

        assertThat(outcome, equalTo(new PollOutcome(1, 0, 0)));
        assertThat(intake.received().getFirst().subject(), equalTo("Stop marketing"));
    }
}
