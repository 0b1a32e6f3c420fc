package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.correspondence.LetterFacts;
import com.justelegance.privacy.dsr.correspondence.LetterKind;
import com.justelegance.privacy.dsr.correspondence.LetterNotSentException;
import com.justelegance.privacy.dsr.correspondence.Letters;
import com.justelegance.privacy.dsr.correspondence.SentLetter;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Sends a case's letters and keeps each on the case's trail ({@code letter-sent:<KIND>}, the letter's text as the
 * encrypted why), or records that it could not be sent ({@code letter-not-sent:<KIND>}) for staff to follow up. Sending
 * blocks on the mail server, so it happens after the case's change committed and outside any transaction; a mail
 * server that is down never undoes or fails the change itself.
 */
@ApplicationScoped
public class CaseLetters {

    private static final Logger LOG = Logger.getLogger(CaseLetters.class);

    private final Letters letters;
    private final Cases cases;
    private final CaseRepository repository;

    public CaseLetters(Letters letters, Cases cases, CaseRepository repository) {
        this.letters = letters;
        this.cases = cases;
        this.repository = repository;
    }

    /** Tells the requester the request arrived, when we know what it is and have an address to write to. */
    public void acknowledge(Cases.CaseFile file) {
        RequestCase requestCase = file.requestCase();
        Optional<String> address = file.requester().map(Requester::email).filter(email -> !email.isBlank());
        if (address.isEmpty() || requestCase.type() == null || file.clock().dueOn().isEmpty()) {
            // To be classified, or no e-mail address: staff write once they know what to say and where.
            return;
        }
        LetterFacts facts = LetterFacts.of(requestCase.reference(), requestCase.type(), requestCase.receivedOn(),
                file.clock().dueOn().get());
        send(requestCase, LetterKind.ACKNOWLEDGEMENT, address.get(), facts);
    }

    private void send(RequestCase requestCase, LetterKind kind, String address, LetterFacts facts) {
        try {
            SentLetter sent = letters.send(kind, address, facts);
            QuarkusTransaction.requiringNew().run(() -> cases.trail(repository.lock(requestCase.id()).orElseThrow(),
                    Cases.SYSTEM_ACTOR, "letter-sent:" + kind.name(), requestCase.status(), requestCase.status(),
                    sent.subject() + "\n\n" + sent.body()));
        } catch (LetterNotSentException e) {
            LOG.warnf("A %s letter for case %s was not sent (retryable: %s)", kind, requestCase.reference(),
                    e.retryable());
            QuarkusTransaction.requiringNew().run(() -> cases.trail(repository.lock(requestCase.id()).orElseThrow(),
                    Cases.SYSTEM_ACTOR, "letter-not-sent:" + kind.name(), requestCase.status(),
                    requestCase.status(), null));
        }
    }
}
