package com.justelegance.privacy.dsr.correspondence;

import io.vertx.ext.mail.SMTPException;

/**
 * A letter the SMTP server did not accept. The caller keeps the letter to send again when {@link #retryable()}
 * (the server could not be reached, or answered with a temporary 4xx); a permanent 5xx (an address the server
 * refuses, say) needs a person to look at the case. The message names the kind, the case and the SMTP reply code,
 * never the address or the letter: the underlying error is not attached, because a server's reply may quote the
 * recipient.
 */
public class LetterNotSentException extends RuntimeException {

    private final LetterKind kind;
    private final boolean retryable;

    private LetterNotSentException(String message, LetterKind kind, boolean retryable) {
        super(message);
        this.kind = kind;
        this.retryable = retryable;
    }

    /** Describes why the server did not take the letter, from the mailer's failure, without quoting it. */
    static LetterNotSentException of(LetterKind kind, String caseReference, Throwable failure) {
        boolean retryable = retryable(failure);
        return new LetterNotSentException("The " + kind + " letter for case " + caseReference + " was not sent: "
                + why(failure) + (retryable ? "; worth sending again" : "; sending again will not help"), kind,
                retryable);
    }

    /** Whether the mailer's failure is temporary: no answer, or a 4xx reply; a 5xx is permanent. */
    static boolean retryable(Throwable failure) {
        SMTPException smtp = smtpCause(failure);
        return smtp == null || !smtp.isPermanent();
    }

    /** The failure in words, without quoting the server's reply (it may name the recipient). */
    static String why(Throwable failure) {
        SMTPException smtp = smtpCause(failure);
        return smtp != null
                ? "the SMTP server answered " + smtp.getReplyCode()
                : "no answer from the SMTP server (" + rootCause(failure).getClass().getSimpleName() + ")";
    }

    public LetterKind kind() {
        return kind;
    }

    /** Whether sending the same letter again later may work. */
    public boolean retryable() {
        return retryable;
    }

    private static SMTPException smtpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
