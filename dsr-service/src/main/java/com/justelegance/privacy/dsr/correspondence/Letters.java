package com.justelegance.privacy.dsr.correspondence;

import com.justelegance.privacy.dsr.config.DsrConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes and sends the letters of a data-subject request: renders the kind's plain-text template
 * ({@code templates/letters/}) with the case's facts and sends it over SMTP (Quarkus Mailer) from the privacy
 * address ({@code dsr.mail.from}). The caller keeps the {@link SentLetter} on the case. Blocking: call it from a
 * worker thread, outside a database transaction (an SMTP server can be slow).
 *
 * <p>Nothing about the recipient or the letter is logged: only the kind and the case reference.
 */
@ApplicationScoped
public class Letters {

    private static final Logger LOG = Logger.getLogger(Letters.class);
    private static final int SEND_ATTEMPTS = 2;

    /** One template per {@link LetterKind}: {@code templates/letters/<kind-in-hyphens>.txt}, checked at build time. */
    @CheckedTemplate(basePath = "letters", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {

        static native TemplateInstance acknowledgement(LetterFacts facts, LetterSender sender);

        static native TemplateInstance identityRequest(LetterFacts facts, LetterSender sender);

        static native TemplateInstance clarificationRequest(LetterFacts facts, LetterSender sender);

        static native TemplateInstance extensionNotice(LetterFacts facts, LetterSender sender);

        static native TemplateInstance completion(LetterFacts facts, LetterSender sender);

        static native TemplateInstance partialCompletion(LetterFacts facts, LetterSender sender);

        static native TemplateInstance refusal(LetterFacts facts, LetterSender sender);

        static native TemplateInstance restrictionLifted(LetterFacts facts, LetterSender sender);

        static native TemplateInstance signInCode(String code, java.time.Instant expiresAt, LetterSender sender);
    }

    /** The subject line of a privacy-centre sign-in code: not about a case, so no reference. */
    static final String SIGN_IN_CODE_SUBJECT = "Your code to sign in to the privacy centre";

    private final Mailer mailer;
    private final Clock clock;
    private final LetterSender sender;

    public Letters(Mailer mailer, Clock clock, DsrConfig config) {
        this.mailer = mailer;
        this.clock = clock;
        this.sender = new LetterSender(config.mail().senderName(), config.mail().from());
    }

    /**
     * Renders a letter and sends it to one address.
     *
     * @throws IllegalArgumentException if the facts lack what this kind of letter needs (named in the message)
     * @throws LetterNotSentException   if the SMTP server did not accept it; see {@link LetterNotSentException#retryable()}
     */
    public SentLetter send(LetterKind kind, String toAddress, LetterFacts facts) {
        if (toAddress == null || toAddress.isBlank()) {
            throw new IllegalArgumentException("A " + kind + " letter needs an address to go to");
        }
        List<String> missing = facts.missingFor(kind);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A " + kind + " letter needs " + String.join(", ", missing));
        }
        String subject = kind.subject(facts.caseReference());
        String body = render(kind, facts);
        String messageId = newMessageId();
        Mail mail = Mail.withText(toAddress, subject, body)
                .setFrom(sender.fromHeader())
                // Our own id instead of the mail client's, so the case can keep it and match replies to it.
                .addHeader("Message-ID", messageId);
        try {
            deliver(mail, "the " + kind + " letter for case " + facts.caseReference());
        } catch (RuntimeException e) {
            throw LetterNotSentException.of(kind, facts.caseReference(), e);
        }
        LOG.infof("Sent the %s letter for case %s", kind, facts.caseReference());
        return new SentLetter(kind, subject, body, clock.instant(), messageId);
    }

    /**
     * Sends a privacy-centre sign-in code: a letter of its own kind, about no case (so none of a case letter's
     * facts), to the address the storefront holds for the customer.
     *
     * @return whether the SMTP server took it (the shopper can ask again; nothing else depends on it)
     */
    public boolean sendSignInCode(String toAddress, String code, java.time.Instant expiresAt) {
        String body = Templates.signInCode(code, expiresAt, sender).render();
        Mail mail = Mail.withText(toAddress, SIGN_IN_CODE_SUBJECT, body).setFrom(sender.fromHeader())
                .addHeader("Message-ID", newMessageId());
        try {
            deliver(mail, "a privacy-centre sign-in code");
            LOG.info("Sent a privacy-centre sign-in code");
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("A privacy-centre sign-in code was not sent: %s", LetterNotSentException.why(e));
            return false;
        }
    }

    /**
     * Sends a mail, and once more for a temporary failure: the second try goes over another connection, and a
     * connection the server had already given up on (a 421, or no answer within {@code quarkus.mailer.timeout}) is
     * the usual cause. Sending a letter twice is better than a requester never getting it.
     */
    private void deliver(Mail mail, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                mailer.send(mail);
                return;
            } catch (RuntimeException e) {
                if (!LetterNotSentException.retryable(e) || attempt == SEND_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("Sending %s again: %s", what, LetterNotSentException.why(e));
            }
        }
    }

    /** The letter's text, as {@link #send} would send it. */
    public String render(LetterKind kind, LetterFacts facts) {
        TemplateInstance template = switch (kind) {
            case ACKNOWLEDGEMENT -> Templates.acknowledgement(facts, sender);
            case IDENTITY_REQUEST -> Templates.identityRequest(facts, sender);
            case CLARIFICATION_REQUEST -> Templates.clarificationRequest(facts, sender);
            case EXTENSION_NOTICE -> Templates.extensionNotice(facts, sender);
            case COMPLETION -> Templates.completion(facts, sender);
            case PARTIAL_COMPLETION -> Templates.partialCompletion(facts, sender);
            case REFUSAL -> Templates.refusal(facts, sender);
            case RESTRICTION_LIFTED -> Templates.restrictionLifted(facts, sender);
        };
        return template.render();
    }

    /** An RFC 5322 Message-ID in the privacy address's domain. */
    private String newMessageId() {
        String address = sender.address();
        String domain = address.substring(address.indexOf('@') + 1);
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }
}
