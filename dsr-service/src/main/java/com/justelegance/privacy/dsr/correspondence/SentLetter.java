package com.justelegance.privacy.dsr.correspondence;

import java.time.Instant;

/**
 * A letter as it went out, for the caller to keep on the case: what kind, the subject and body exactly as sent,
 * when the SMTP server accepted it, and its Message-ID (a reply names it in {@code In-Reply-To}).
 */
public record SentLetter(LetterKind kind, String subject, String body, Instant sentAt, String messageId) {
}
