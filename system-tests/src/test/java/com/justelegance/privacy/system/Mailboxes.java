package com.justelegance.privacy.system;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Mail as the people in the system tests write and read it, on the running system's mail server: a customer sends a
 * message to the privacy mailbox over SMTP (it lands in the mailbox's inbox, which dsr-service reads over IMAP), and
 * reads the letters dsr-service sent to their address.
 */
final class Mailboxes {

    private Mailboxes() {
    }

    /**
     * Sends a plain-text message from a person to the privacy mailbox, as their mail program would.
     *
     * @param inReplyTo the Message-ID of the letter this answers, or null for a new message
     */
    static void sendToPrivacyMailbox(String fromAddress, String fromName, String subject, String text,
                                     String inReplyTo) {
        try {
            MimeMessage mail = new MimeMessage(GreenMailUtil.getSession(
                    RunningSystem.mailServer().getSmtp().getServerSetup()));
            mail.setFrom(new InternetAddress(fromAddress, fromName));
            mail.setRecipients(Message.RecipientType.TO, RunningSystem.PRIVACY_ADDRESS);
            mail.setSubject(subject);
            mail.setText(text, "UTF-8");
            if (inReplyTo != null) {
                mail.setHeader("In-Reply-To", inReplyTo);
                mail.setHeader("References", inReplyTo);
            }
            GreenMailUtil.sendMimeMessage(mail);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not send the mail", e);
        }
    }

    /** The letters sent to an address so far, as that address's mailbox holds them. */
    static List<MimeMessage> lettersTo(String address) {
        List<MimeMessage> letters = new ArrayList<>();
        for (MimeMessage message : RunningSystem.mailServer().getReceivedMessages()) {
            if (addressedTo(message, address)) {
                letters.add(message);
            }
        }
        return letters;
    }

    /** Waits for the letter to an address whose subject starts so and names the case's reference; returns it. */
    static MimeMessage awaitLetter(String address, String subjectStart, String reference) {
        AtomicReference<MimeMessage> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Optional<MimeMessage> letter = lettersTo(address).stream()
                    .filter(message -> subjectOf(message).startsWith(subjectStart)
                            && subjectOf(message).contains("(ref " + reference + ")"))
                    .findFirst();
            letter.ifPresent(found::set);
            return letter.isPresent();
        });
        return found.get();
    }

    static String subjectOf(MimeMessage letter) {
        try {
            return letter.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageIdOf(MimeMessage letter) {
        try {
            return letter.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A letter's text as its reader sees it (transfer encoding undone). */
    static String textOf(MimeMessage letter) {
        try {
            return letter.getContent().toString().replace("\r\n", "\n");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(recipient -> recipient.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
