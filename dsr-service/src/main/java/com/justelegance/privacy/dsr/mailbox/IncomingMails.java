package com.justelegance.privacy.dsr.mailbox;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads a Jakarta Mail message into an {@link IncomingMail}, and tells whether it was addressed to an address. */
final class IncomingMails {

    /**
     * Headers mail servers add naming the mailbox a message was delivered to, so a message that reached the privacy
     * address as a blind copy still counts as addressed to it.
     */
    private static final String[] DELIVERY_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To"};

    private IncomingMails() {
    }

    /** Whether To, Cc or a delivery header names the address (letter case ignored). */
    static boolean isAddressedTo(Message message, String address) throws MessagingException {
        List<String> recipients = new ArrayList<>(addresses(message.getRecipients(Message.RecipientType.TO)));
        recipients.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
        for (String header : DELIVERY_HEADERS) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    recipients.addAll(parse(value));
                }
            }
        }
        return recipients.stream().anyMatch(address::equalsIgnoreCase);
    }

    /** The message as the intake gets it; {@code now} stands in when it carries no date at all. */
    static IncomingMail read(MimeMessage message, Instant now) throws MessagingException, IOException {
        InternetAddress sender = firstInternetAddress(message.getFrom());
        List<String> to = new ArrayList<>(addresses(message.getRecipients(Message.RecipientType.TO)));
        to.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
        MailText.Extracted content = MailText.of(message);
        return new IncomingMail(
                messageIdOf(message),
                sender == null ? null : sender.getAddress(),
                sender == null ? null : sender.getPersonal(),
                to,
                message.getSubject() == null ? "" : message.getSubject(),
                content.text(),
                receivedAt(message, now),
                content.attachments());
    }

    private static String messageIdOf(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        // No Message-ID: the hash of the raw message is the same each time the same message comes.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw.toByteArray());
            return "<sha256-" + HexFormat.of().formatHex(hash) + "@privacy-mailbox.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static Instant receivedAt(Message message, Instant now) throws MessagingException {
        if (message.getReceivedDate() != null) {
            return message.getReceivedDate().toInstant();
        }
        return message.getSentDate() != null ? message.getSentDate().toInstant() : now;
    }

    private static InternetAddress firstInternetAddress(Address[] addresses) {
        if (addresses != null) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet) {
                    return internet;
                }
            }
        }
        return null;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    result.add(internet.getAddress());
                }
            }
        }
        return result;
    }

    /** A header's addresses, leniently: a malformed header names no one rather than failing the poll. */
    private static List<String> parse(String header) {
        try {
            return addresses(InternetAddress.parseHeader(header, false));
        } catch (AddressException e) {
            return List.of(header.strip());
        }
    }
}
