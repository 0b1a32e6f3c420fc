package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.domain.IntakeChannel;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.mailbox.IncomingMail;
import com.justelegance.privacy.dsr.mailbox.MailIntake;
import com.justelegance.privacy.dsr.mailbox.RequestClassifier;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a case for each message sent to the privacy address: channel e-mail, received on the UK day it arrived, the
 * type guessed by {@link RequestClassifier} (or left to be classified), the sender as the requester and the mail's
 * subject and text as the message, all encrypted on the case. A keyed hash of the Message-ID makes a message read
 * twice (after a crash between intake and the mailbox's move) open one case; the acknowledgement goes out once. A
 * reply to one of our letters (its subject keeps the case reference, and it comes from the case's address) goes on
 * that case instead: the one-time code it carries proves identity, or it answers a request for clarification.
 */
@ApplicationScoped
public class MailRequests implements MailIntake {

    static final String ACTOR = "system:privacy-mailbox";

    /** Our letters' subjects end "(ref DSR-2026-000042)"; a reply keeps it. */
    private static final Pattern REFERENCE = Pattern.compile("\\(ref (DSR-\\d{4}-\\d{6})\\)");
    /** A one-time identity code: six digits standing alone. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private final Cases cases;
    private final CaseRepository repository;
    private final CaseLetters letters;
    private final KeyedHash keyedHash;

    public MailRequests(Cases cases, CaseRepository repository, CaseLetters letters, KeyedHash keyedHash) {
        this.cases = cases;
        this.repository = repository;
        this.letters = letters;
        this.keyedHash = keyedHash;
    }

    @Override
    public void receive(IncomingMail mail) {
        String mailRef = keyedHash.of("mail-message-id", mail.messageId());
        if (repository.hasMail(mailRef)) {
            return;
        }
        Optional<UUID> answered = caseAnswered(mail);
        if (answered.isPresent()) {
            cases.mailReceived(answered.get(), mailRef, mail.from(), textOf(mail), CODE.matcher(
                    mail.textBody()).results().map(MatchResult::group).findFirst(), ACTOR);
            return;
        }
        String message = textOf(mail);
        LocalDate receivedOn = LocalDate.ofInstant(mail.receivedAt(), Cases.UK);
        Cases.CaseFile file = cases.open(new Cases.NewCase(
                RequestClassifier.classify(mail.subject(), mail.textBody()).orElse(null), IntakeChannel.EMAIL,
                receivedOn.isAfter(cases.today()) ? null : receivedOn, null,
                new Requester(mail.fromName(), mail.from(), null, null, null, message), null, mailRef), ACTOR);
        letters.acknowledge(file);
    }

    /**
     * The open case a mail answers: its subject keeps our letter's "(ref DSR-...)" and it comes from the address the
     * case was opened with (anyone can type a reference; only the requester's address counts).
     */
    private Optional<UUID> caseAnswered(IncomingMail mail) {
        if (mail.subject() == null) {
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(mail.subject());
        return reference.find() ? cases.openCaseFrom(reference.group(1), mail.from()) : Optional.empty();
    }

    private static String textOf(IncomingMail mail) {
        return (mail.subject() == null ? "" : mail.subject() + "\n\n") + mail.textBody();
    }
}
