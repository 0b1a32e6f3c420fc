package com.justelegance.privacy.dsr.mailbox;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Which text of a MIME message the intake gets, and what counts as an attachment. */
class MailTextTest {

    private final Session session = Session.getInstance(new Properties());

    @Test
    void thePlainAlternativeIsPreferredToTheHtmlOne() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative", text("Please delete my data."),
                html("<p>Please <i>delete</i> my data.</p>"));
        MimeMessage message = message(alternative);

        MailText.Extracted extracted = MailText.of(message);

        assertThat(extracted, equalTo(new MailText.Extracted("Please delete my data.", 0)));
    }

    @Test
    void alternativesInsideAMixedMessageGiveTheTextAndEveryFileCounts() throws Exception {
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", text("Proof of ID attached."),
                html("<p>Proof of ID attached.</p>")));
        MimeBodyPart passport = file("passport.jpg", "image/jpeg");
        MimeBodyPart bill = file("bill.pdf", "application/pdf");
        MimeMessage message = message(new MimeMultipart(body, passport, bill));

        assertThat(MailText.of(message), equalTo(new MailText.Extracted("Proof of ID attached.", 2)));
    }

    @Test
    void htmlListsScriptsAndEntitiesBecomeReadableText() throws Exception {
        MimeMessage message = message(new MimeMultipart(html("<html><head><title>Request</title></head><body>"
                + "<div>Please remove:</div><ul><li>my address</li><li>my phone</li></ul>"
                + "<script>alert('x')</script><p>Thanks &amp; regards</p></body></html>")));

        assertThat(MailText.of(message).text(),
                equalTo("Please remove:\n- my address\n- my phone\n\nThanks & regards"));
    }

    @Test
    void aMessageWithNoTextGivesAnEmptyBody() throws Exception {
        MimeMessage message = message(new MimeMultipart(file("scan.pdf", "application/pdf")));

        assertThat(MailText.of(message), equalTo(new MailText.Extracted("", 1)));
    }

    private MimeMessage message(MimeMultipart content) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setContent(content);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart text(String text) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    private static MimeBodyPart html(String html) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(html, "text/html; charset=UTF-8");
        return part;
    }

    private static MimeBodyPart file(String name, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[]{1, 2, 3}, type)));
        part.setFileName(name);
        return part;
    }
}
