package com.justelegance.privacy.dsr;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** The letters dsr-service sent, read from the test mail server as their recipient would. */
public final class SentLetters {

    /** A one-time code stands alone on its own indented line. */
    private static final Pattern CODE = Pattern.compile("\\n\\s+([0-9]{6})\\s*\\n");

    private SentLetters() {
    }

    /** The texts of every letter sent to the address so far. */
    public static List<String> to(GreenMail mailServer, String email) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> addressedTo(message, email))
                .map(SentLetters::bodyOf)
                .toList();
    }

    /** Waits for a letter to the address with this text in it. */
    public static void awaitLetter(GreenMail mailServer, String email, String text) {
        await().atMost(Duration.ofSeconds(10)).until(() -> to(mailServer, email).stream()
                .anyMatch(body -> body.contains(text)));
    }

    /** Waits for the identity letter to the address and returns the one-time code in it. */
    public static String codeSentTo(GreenMail mailServer, String email) {
        String body = await().atMost(Duration.ofSeconds(10)).until(() -> to(mailServer, email).stream()
                .filter(text -> CODE.matcher(text).find()).findFirst().orElse(null), found -> found != null);
        Matcher matcher = CODE.matcher(body);
        matcher.find();
        return matcher.group(1);
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(email));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOf(MimeMessage letter) {
        try {
            return ((String) letter.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
