package com.justelegance.privacy.dsr.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.testing.TestMailServer;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The test's side of the mail server, as a person with a mail program sees it: sends mail over SMTP and looks
 * into the privacy mailbox's folders over IMAP (without marking anything read).
 */
final class MailboxView {

    /** One message in a folder: its subject and whether it has been read. */
    record Seen(String subject, boolean read) {
    }

    private final GreenMail server;

    MailboxView(GreenMail server) {
        this.server = server;
    }

    /** A new message on the SMTP server's session, ready to fill in. */
    MimeMessage newMessage(String from, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(smtpSession());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    /** A plain-text message sent over SMTP to its To addresses. */
    MimeMessage sendText(String from, String to, String subject, String text) throws MessagingException {
        MimeMessage message = newMessage(from, to, subject);
        message.setText(text, "UTF-8");
        send(message);
        return message;
    }

    /** Sends over SMTP to the addresses in its headers. */
    void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }

    /** Sends over SMTP to these envelope recipients, whatever the headers say (as a blind copy arrives). */
    void sendTo(MimeMessage message, String envelopeRecipient) throws MessagingException {
        message.saveChanges();
        Transport.send(message, new Address[]{new InternetAddress(envelopeRecipient)});
    }

    /** The messages in a folder of the privacy mailbox, oldest first; empty if the folder does not exist. */
    List<Seen> folder(String name) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(server.getImap().getServerSetup().getBindAddress(), server.getImap().getPort(),
                    TestMailServer.LOGIN, TestMailServer.PASSWORD);
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<Seen> messages = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    messages.add(new Seen(message.getSubject(), message.isSet(Flags.Flag.SEEN)));
                }
                return messages;
            } finally {
                folder.close(false);
            }
        }
    }

    private Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.getSmtp().getServerSetup().getBindAddress());
        properties.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
        return Session.getInstance(properties);
    }
}
