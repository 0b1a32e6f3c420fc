package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.correspondence.LetterFacts;
import com.justelegance.privacy.dsr.correspondence.LetterKind;
import com.justelegance.privacy.dsr.correspondence.LetterNotSentException;
import com.justelegance.privacy.dsr.correspondence.Letters;
import com.justelegance.privacy.dsr.correspondence.SentLetter;
import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Sends a case's letters and keeps each on the case's trail ({@code letter-sent:<KIND>}, the letter's text as the
 * encrypted why), or records that it could not be sent ({@code letter-not-sent:<KIND>}) for staff to follow up.
 * Sending blocks on the mail server, so it happens after the case's change committed and outside any transaction;
 * a mail server that is down never undoes or fails the change itself. A case without an e-mail address, or not yet
 * classified, gets no letter: staff write by post or once they know what to say.
 */
@ApplicationScoped
public class CaseLetters {

    private static final Logger LOG = Logger.getLogger(CaseLetters.class);
    private static final Set<SubjectRequestType> ACCESS_TYPES = EnumSet.of(SubjectRequestType.ACCESS,
            SubjectRequestType.PORTABILITY);

    private final Letters letters;
    private final Cases cases;
    private final CaseRepository repository;

    public CaseLetters(Letters letters, Cases cases, CaseRepository repository) {
        this.letters = letters;
        this.cases = cases;
        this.repository = repository;
    }

    /** A case's erasure ended with this certificate (fired in the receipts' transaction, sent after it commits). */
    public record ErasureCertified(UUID caseId, ErasureCertificate certificate) {
    }

    /** We have the request, and by when we answer. */
    public void acknowledge(Cases.CaseFile file) {
        send(file, LetterKind.ACKNOWLEDGEMENT, UnaryOperator.identity());
    }

    /** The one-time code to prove who they are, to the address it was issued for. */
    public void identityRequest(Cases.IdentityRequest request) {
        request.code().ifPresent(code -> send(request.file(), request.sendTo(), LetterKind.IDENTITY_REQUEST,
                facts -> facts.withCode(code.code(), code.expiresAt())));
    }

    /** What is unclear; the clock is paused until the answer. */
    public void clarificationRequest(Cases.CaseFile file, String question) {
        send(file, LetterKind.CLARIFICATION_REQUEST, facts -> facts.withReason(question));
    }

    /** Why we need more time, and the new due date. */
    public void extensionNotice(Cases.CaseFile file) {
        send(file, LetterKind.EXTENSION_NOTICE, facts -> facts.withReason(
                file.clock().extension().map(extension -> extension.reason()).orElseThrow()));
    }

    /** Why we will not act, and the right to complain to the ICO. */
    public void refusal(Cases.CaseFile file, String explanation) {
        send(file, LetterKind.REFUSAL, facts -> facts.withReason(explanation));
    }

    /** The restriction is lifted, and why (Art. 18(3)). */
    public void restrictionLifted(Cases.CaseFile file, String reason) {
        send(file, LetterKind.RESTRICTION_LIFTED, facts -> facts.withReason(reason));
    }

    /** The package is ready: the download link and until when it works; this letter is the access answer. */
    public void packageReady(UUID caseId, String downloadUrl, Instant linkExpiresAt) {
        Cases.CaseFile file = QuarkusTransaction.requiringNew().call(() -> cases.fileOf(caseId));
        send(file, LetterKind.COMPLETION, facts -> facts.withLink(downloadUrl,
                LocalDate.ofInstant(linkExpiresAt, Cases.UK)));
    }

    /**
     * Done by staff: what was done, or in part with what was withheld and why. An access or portability request
     * was answered by the package letter, so closing it sends nothing more.
     */
    public void completion(Cases.CaseFile file, String explanation) {
        if (ACCESS_TYPES.contains(file.requestCase().type())) {
            return;
        }
        String done = explanation == null || explanation.isBlank() ? "We have carried out your request." : explanation;
        boolean partially = file.requestCase().status() == CaseStatus.PARTIALLY_COMPLETED;
        send(file, partially ? LetterKind.PARTIAL_COMPLETION : LetterKind.COMPLETION,
                facts -> partially ? facts.withWithheld(List.of(done)) : facts.withActionsTaken(List.of(done)));
    }

    /** Done by every service: the erasure certificate, with what was kept and why. */
    void erasureCertified(@Observes(during = TransactionPhase.AFTER_SUCCESS) ErasureCertified certified) {
        ErasureCertificate certificate = certified.certificate();
        boolean partially = certificate.outcome() == ErasureCertificate.Outcome.PARTIALLY_COMPLETED;
        List<String> withheld = certificate.participants().stream()
                .flatMap(participant -> participant.kept().stream()
                        .filter(kept -> ErasureCertificate.EXCEPTIONS.contains(kept.reason()))
                        .map(kept -> participant.service() + ": " + kept.category() + " (" + kept.reason() + ")"
                                + (kept.until() == null ? "" : " until " + kept.until())))
                .toList();
        Cases.CaseFile file = QuarkusTransaction.requiringNew().call(() -> cases.fileOf(certified.caseId()));
        send(file, partially ? LetterKind.PARTIAL_COMPLETION : LetterKind.COMPLETION, facts -> {
            LetterFacts withCertificate = facts.withCertificate(certificate.certificateId().toString(),
                    certificate.summary());
            return partially ? withCertificate.withWithheld(withheld) : withCertificate;
        });
    }

    private void send(Cases.CaseFile file, LetterKind kind, UnaryOperator<LetterFacts> details) {
        send(file, file.requester().map(Requester::email).filter(email -> !email.isBlank()), kind, details);
    }

    private void send(Cases.CaseFile file, Optional<String> address, LetterKind kind,
                      UnaryOperator<LetterFacts> details) {
        RequestCase requestCase = file.requestCase();
        if (address.isEmpty() || requestCase.type() == null) {
            return;
        }
        try {
            LetterFacts facts = details.apply(LetterFacts.of(requestCase.reference(), requestCase.type(),
                    requestCase.receivedOn(), letterDueOn(file)).withRequesterName(
                    file.requester().map(Requester::name).orElse(null)));
            SentLetter sent = letters.send(kind, address.get(), facts);
            record(requestCase.id(), "letter-sent:" + kind.name(), sent.subject() + "\n\n" + sent.body());
        } catch (LetterNotSentException | IllegalArgumentException e) {
            // The message names the kind, the case and what is missing or the SMTP code; never the address.
            LOG.warnf("A %s letter for case %s was not sent: %s", kind, requestCase.reference(), e.getMessage());
            record(requestCase.id(), "letter-not-sent:" + kind.name(), null);
        }
    }

    /** The due date a letter states: the clock's, or while it is paused the one it had before the pause. */
    private LocalDate letterDueOn(Cases.CaseFile file) {
        return file.clock().dueOn().or(() -> cases.dueBeforePause(file.requestCase()))
                .orElse(file.requestCase().receivedOn());
    }

    private void record(UUID caseId, String action, String why) {
        QuarkusTransaction.requiringNew().run(() -> {
            RequestCase locked = repository.lock(caseId).orElseThrow();
            cases.trail(locked, Cases.SYSTEM_ACTOR, action, locked.status(), locked.status(), why);
        });
    }
}
