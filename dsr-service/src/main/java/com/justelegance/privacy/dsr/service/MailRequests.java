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

/**
 * Opens a case for each message sent to the privacy address: channel e-mail, received on the UK day it arrived, the
 * type guessed by {@link RequestClassifier} (or left to be classified), the sender as the requester and the mail's
 * subject and text as the message, all encrypted on the case. A keyed hash of the Message-ID makes a message read
 * twice (after a crash between intake and the mailbox's move) open one case; the acknowledgement goes out once.
 */
@ApplicationScoped
public class MailRequests implements MailIntake {

    static final String ACTOR = "system:privacy-mailbox";

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
        String message = (mail.subject() == null ? "" : mail.subject() + "\n\n") + mail.textBody();
        LocalDate receivedOn = LocalDate.ofInstant(mail.receivedAt(), Cases.UK);
        Cases.CaseFile file = cases.open(new Cases.NewCase(
                RequestClassifier.classify(mail.subject(), mail.textBody()).orElse(null), IntakeChannel.EMAIL,
                receivedOn.isAfter(cases.today()) ? null : receivedOn, null,
                new Requester(mail.fromName(), mail.from(), null, null, null, message), null, mailRef), ACTOR);
        letters.acknowledge(file);
    }
}
