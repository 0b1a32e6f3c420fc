package com.justelegance.privacy.dsr.correspondence;

import com.justelegance.privacy.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * With no SMTP server to take it, a letter fails with a typed exception the caller can retry on, naming the case
 * and never the recipient or the letter, in the exception or the logs.
 */
@QuarkusTest
@TestProfile(LettersUnsentTest.NoSmtpServer.class)
class LettersUnsentTest {

    private static final String ADA = "ada.lovelace@example.org";

    @Inject
    Letters letters;

    @Test
    void aLetterTheServerDoesNotTakeFailsRetryablyWithoutNamingTheRecipient() {
        LetterFacts facts = LettersTest.factsFor(LetterKind.ACKNOWLEDGEMENT).withRequesterName("Ada Lovelace");

        LetterNotSentException failure;
        try (LogCapture logs = LogCapture.start()) {
            failure = assertThrows(LetterNotSentException.class,
                    () -> letters.send(LetterKind.ACKNOWLEDGEMENT, ADA, facts));
            assertThat(logs.lines(), everyItem(not(containsString(ADA))));
            assertThat(logs.lines(), everyItem(not(containsString("Lovelace"))));
        }

        assertThat(failure.kind(), equalTo(LetterKind.ACKNOWLEDGEMENT));
        assertThat(failure.retryable(), equalTo(true));
        assertThat(failure.getMessage(), containsString("DSR-2026-0042"));
        assertThat(failure.getMessage(), not(containsString(ADA)));
    }

    @Test
    void aSignInCodeTheServerDoesNotTakeIsTriedTwiceThenReportedUnsentWithoutNamingTheRecipient() {
        boolean sent;
        try (LogCapture logs = LogCapture.start()) {
            sent = letters.sendSignInCode(ADA, "123456", java.time.Instant.parse("2026-12-01T12:15:00Z"));
            assertThat(logs.lines(), hasItem(containsString("Sending a privacy-centre sign-in code again")));
            assertThat(logs.lines(), hasItem(containsString("A privacy-centre sign-in code was not sent")));
            assertThat(logs.lines(), everyItem(not(containsString(ADA))));
        }
        assertThat(sent, equalTo(false));
    }

    /** The mailer pointed at a local port nothing listens on. */
    public static class NoSmtpServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(closedPort()));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
