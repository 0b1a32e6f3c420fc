package com.justelegance.privacy.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.CaseTrailEntry;
import com.justelegance.privacy.dsr.domain.ClockEvent;
import com.justelegance.privacy.dsr.domain.ClockEventKind;
import com.justelegance.privacy.dsr.domain.IdentityCheck;
import com.justelegance.privacy.dsr.domain.IntakeChannel;
import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.domain.RefusalReason;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.domain.ResponseClock;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The life of a data-subject request: intake from any channel, then each step staff take, each locked, checked
 * against the case's status, written to the case's trail and the audit log, and reflected in its response clock.
 * A case that concerns a known subject and a known right is announced on {@code privacy.subject-requests.v1}
 * ({@link SubjectRequestOpened}, so retention holds the subject), and its closing too.
 */
@ApplicationScoped
public class Cases {

    /** Requests are received, and deadlines fall, on UK days; the services' clock is UTC. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** Who the trail names for what the service does by itself (closing on receipts, sending letters). */
    static final String SYSTEM_ACTOR = "system:dsr-service";

    private static final Set<CaseStatus> WORKABLE = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS);

    private final CaseRepository cases;
    private final RequesterIdentifiers identifiers;
    private final BankHolidayCalendars calendars;
    private final SubjectKeys keys;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final IdentityCodes identityCodes;
    private final ObjectMapper json;
    private final Clock clock;

    public Cases(CaseRepository cases, RequesterIdentifiers identifiers, BankHolidayCalendars calendars,
                 SubjectKeys keys, AuditLog auditLog, Outbox outbox, IdentityCodes identityCodes, ObjectMapper json,
                 Clock clock) {
        this.cases = cases;
        this.identifiers = identifiers;
        this.calendars = calendars;
        this.keys = keys;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.identityCodes = identityCodes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A request as it arrived.
     *
     * @param type       the right exercised; null when it is to be classified
     * @param receivedOn the UK day it arrived; null for today
     * @param nation     whose bank holidays count; null for the service's default
     * @param subjectId  the subject, when staff already know it
     * @param mailRef    a keyed hash of the mail's Message-ID, for mail; a mail read twice opens one case
     */
    public record NewCase(SubjectRequestType type, IntakeChannel channel, LocalDate receivedOn, Nation nation,
                          Requester requester, String subjectId, String mailRef) {
    }

    /** A case with what it takes to show it: the requester decrypted, the clock, the trail, likely duplicates. */
    public record CaseFile(RequestCase requestCase, Optional<Requester> requester, ResponseClock clock,
                           List<TrailLine> trail, List<String> likelyDuplicates, LocalDate today) {
    }

    /** One line of the trail with its why decrypted (empty once the case's key is gone). */
    public record TrailLine(CaseTrailEntry entry, Optional<String> why) {
    }

    @Transactional
    public CaseFile open(NewCase request, String actor) {
        LocalDate today = today();
        LocalDate receivedOn = request.receivedOn() == null ? today : request.receivedOn();
        if (receivedOn.isAfter(today)) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "receivedOn",
                    "receivedOn is after today (UK): a request cannot arrive in the future");
        }
        Nation nation = request.nation() == null ? calendars.defaultNation() : request.nation();
        // Computing the deadline now refuses a date the bank holidays do not cover before anything is stored.
        ResponseClock responseClock = ResponseClock.received(receivedOn, calendars.of(nation));
        UUID id = UUID.randomUUID();
        RequestCase requestCase = new RequestCase(id, cases.nextReference(today.getYear()), request.type(),
                request.channel(), nation, receivedOn, clock.instant(), actor, request.mailRef());
        requestCase.sealRequester(keys.encrypt(requestCase.keyOwner(), toJson(request.requester())));
        requestCase.dueOn(responseClock.dueOn().orElse(null));
        if (request.subjectId() != null) {
            requestCase.resolveSubject(request.subjectId());
        }
        cases.persist(requestCase);
        cases.flush();
        cases.saveIdentifiers(id, identifiers.hashes(request.requester()));
        trail(requestCase, actor, "opened", null, CaseStatus.RECEIVED, null);
        auditLog.record("dsr.case.opened", requestCase.subjectId(), Map.of("case", requestCase.reference(),
                "channel", request.channel().name(), "type", typeCode(requestCase)));
        announceIfReady(requestCase);
        return file(requestCase);
    }

    @Transactional
    public CaseFile view(UUID id) {
        RequestCase requestCase = cases.findByIdOptional(id).orElseThrow(() -> notFound(id));
        auditLog.record("dsr.case.read", requestCase.subjectId(), Map.of("case", requestCase.reference()));
        return file(requestCase);
    }

    /**
     * A case as the work queue shows it: its response clock, and once closed who closed it and when (the trail's
     * closing entry).
     */
    public record QueueEntry(RequestCase requestCase, ResponseClock clock, Optional<CaseRepository.Closing> closing) {
    }

    /** The work queue's page; the closing entries of all its cases are read in one query. */
    @Transactional
    public List<QueueEntry> queue(CaseRepository.QueueFilter filter, int limit) {
        return entries(cases.queue(filter, today(), limit));
    }

    /**
     * Cases by reference, or by the requester's e-mail address matched through its keyed hash (never stored or
     * logged in clear); when both are given, both must match. Open and closed, soonest due first. Audited with what
     * was searched by and how many were found, never the value.
     */
    @Transactional
    public List<QueueEntry> search(String reference, String email, int limit) {
        String normalisedReference = reference == null || reference.isBlank() ? null
                : reference.strip().toUpperCase(Locale.ROOT);
        String emailHash = identifiers.emailHash(email);
        List<RequestCase> found = cases.search(normalisedReference, emailHash, limit);
        List<String> by = new ArrayList<>();
        if (normalisedReference != null) {
            by.add("REFERENCE");
        }
        if (emailHash != null) {
            by.add("EMAIL");
        }
        auditLog.record("dsr.case.searched", null, Map.of("by", String.join(",", by), "found", found.size()));
        return entries(found);
    }

    private List<QueueEntry> entries(List<RequestCase> page) {
        Map<UUID, CaseRepository.Closing> closings = cases.closings(page.stream()
                .filter(requestCase -> !requestCase.status().open()).map(RequestCase::id).toList());
        return page.stream().map(requestCase -> new QueueEntry(requestCase, clockOf(requestCase),
                Optional.ofNullable(closings.get(requestCase.id())))).toList();
    }

    @Transactional
    public CaseFile classify(UUID id, SubjectRequestType type, String actor) {
        RequestCase requestCase = openCase(id);
        requestCase.classify(type);
        trail(requestCase, actor, "classified:" + type.name(), requestCase.status(), requestCase.status(), null);
        auditLog.record("dsr.case.classified", requestCase.subjectId(),
                Map.of("case", requestCase.reference(), "type", type.name()));
        announceIfReady(requestCase);
        return file(requestCase);
    }

    /** Gives the case to someone; a case nobody had started is now being worked on. */
    @Transactional
    public CaseFile assign(UUID id, String assignee, String actor) {
        RequestCase requestCase = openCase(id);
        requestCase.assignTo(assignee);
        CaseStatus from = requestCase.status();
        if (from == CaseStatus.RECEIVED) {
            requestCase.moveTo(CaseStatus.IN_PROGRESS, clock.instant());
        }
        trail(requestCase, actor, "assigned", from, requestCase.status(), null);
        auditLog.record("dsr.case.assigned", requestCase.subjectId(), Map.of("case", requestCase.reference()));
        return file(requestCase);
    }

    /** Records whom the case concerns, as matched by staff or by the data sources. */
    @Transactional
    public CaseFile resolveSubject(UUID id, String subjectId, String actor) {
        RequestCase requestCase = openCase(id);
        if (requestCase.openedEventPublished() && !subjectId.equals(requestCase.subjectId())) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The case's subject was announced to the other services and cannot change; refuse or "
                            + "withdraw this case and open another");
        }
        requestCase.resolveSubject(subjectId);
        trail(requestCase, actor, "subject-resolved", requestCase.status(), requestCase.status(), null);
        auditLog.record("dsr.case.subject-resolved", subjectId, Map.of("case", requestCase.reference()));
        announceIfReady(requestCase);
        return file(requestCase);
    }

    /**
     * Asks for proof of identity: the month will start afresh on the day it arrives. A requester with an e-mail
     * address gets a one-time code (returned here, to be sent once this has committed); staff can also record a
     * document check.
     *
     * @param code the code to send, when the requester has an address to send it to
     */
    /**
     * An identity request: the case, and the code with the address it goes to (none when there is no e-mail
     * address to send it to).
     */
    public record IdentityRequest(CaseFile file, Optional<IdentityCodes.IssuedCode> code, Optional<String> sendTo) {
    }

    /**
     * Asks for proof of identity. The code goes to the e-mail address the data sources hold for the subject when
     * there is one (proof that the requester controls the customer's address, not only the one they wrote from),
     * else to the address the requester gave; the trail says which.
     *
     * @param addressOnFile the subject's e-mail address as the storefront holds it, if the subject is known and has one
     */
    @Transactional
    public IdentityRequest requestIdentity(UUID id, Optional<String> addressOnFile, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, WORKABLE, "ask for proof of identity");
        // No due date until the proof arrives: the month then starts afresh.
        requestCase.dueOn(null);
        Optional<String> given = requesterOf(requestCase).map(Requester::email).filter(email -> !email.isBlank());
        Optional<String> sendTo = addressOnFile.filter(email -> !email.isBlank()).or(() -> given);
        String why = addressOnFile.isPresent() ? "The code goes to the e-mail address on file for the customer"
                : sendTo.isPresent() ? "No e-mail address on file: the code goes to the address the requester gave"
                : "No e-mail address to send a code to: check identity another way";
        move(requestCase, CaseStatus.AWAITING_IDENTITY, actor, "identity-requested", why);
        Optional<IdentityCodes.IssuedCode> code = sendTo.map(address -> identityCodes.issue(id,
                identifiers.emailHash(address)));
        return new IdentityRequest(file(requestCase), code, sendTo);
    }

    /** Notes on the trail that looking the subject up found nobody, or more than one customer. */
    @Transactional
    public CaseFile noteResolution(UUID id, String action, String outcome, String actor) {
        RequestCase requestCase = openCase(id);
        trail(requestCase, actor, action, requestCase.status(), requestCase.status(), outcome);
        auditLog.record("dsr.case." + action, requestCase.subjectId(), Map.of("case", requestCase.reference()));
        return file(requestCase);
    }

    /** What a code given for a case came to, and the case after it. */
    public record CodeConfirmation(IdentityCodes.Check check, CaseFile file) {
    }

    /**
     * Takes the one-time code the requester was sent, read out on the phone or sent back by mail: the right code
     * verifies their identity (method {@code ONE_TIME_CODE}) and restarts the month today; a wrong one is a try on
     * the trail. Returns rather than throws on a refused code, so that the try counts.
     */
    @Transactional
    public CodeConfirmation confirmIdentityCode(UUID id, String code, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, EnumSet.of(CaseStatus.AWAITING_IDENTITY), "confirm an identity code");
        IdentityCodes.Check check = tryCode(requestCase, code, actor);
        return new CodeConfirmation(check, file(requestCase));
    }

    /**
     * Records an identity check. Verified while proof was awaited: the month restarts on the day it arrived, and
     * work goes on. Failed: the case stays where it is, for the officer to ask again or refuse.
     */
    @Transactional
    public CaseFile recordIdentityCheck(UUID id, IdentityCheck.Method method, IdentityCheck.Outcome outcome,
                                        LocalDate proofReceivedOn, String note, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS,
                CaseStatus.AWAITING_IDENTITY), "record an identity check");
        if (outcome == IdentityCheck.Outcome.FAILED) {
            trail(requestCase, actor, "identity-failed:" + method.name(), requestCase.status(),
                    requestCase.status(), note);
            auditLog.record("dsr.case.identity-checked", requestCase.subjectId(), Map.of("case",
                    requestCase.reference(), "method", method.name(), "outcome", outcome.name()));
        } else {
            verified(requestCase, method, proofReceivedOn, note, actor);
        }
        return file(requestCase);
    }

    /** A one-time code given for a case awaiting identity: verifies the requester, or goes on the trail as a try. */
    private IdentityCodes.Check tryCode(RequestCase requestCase, String code, String actor) {
        IdentityCodes.Check check = identityCodes.check(requestCase.id(), code);
        if (check == IdentityCodes.Check.ACCEPTED) {
            verified(requestCase, IdentityCheck.Method.ONE_TIME_CODE, null, null, actor);
        } else {
            trail(requestCase, actor, "identity-code-refused:" + check.name(), requestCase.status(),
                    requestCase.status(), null);
            auditLog.record("dsr.case.identity-code-refused", requestCase.subjectId(),
                    Map.of("case", requestCase.reference(), "why", check.name()));
        }
        return check;
    }

    /** Identity proven: proof that was asked for restarts the month on the day it arrived, and work goes on. */
    private void verified(RequestCase requestCase, IdentityCheck.Method method, LocalDate proofReceivedOn,
                          String note, String actor) {
        if (requestCase.status() == CaseStatus.AWAITING_IDENTITY) {
            LocalDate arrived = proofReceivedOn == null ? today() : notInFuture(proofReceivedOn, "proofReceivedOn");
            addClockEvent(requestCase, new ClockEvent(ClockEventKind.IDENTITY_RECEIVED, arrived, null));
        }
        move(requestCase, CaseStatus.IN_PROGRESS, actor, "identity-verified:" + method.name(), note);
        auditLog.record("dsr.case.identity-checked", requestCase.subjectId(), Map.of("case",
                requestCase.reference(), "method", method.name(), "outcome", IdentityCheck.Outcome.VERIFIED.name()));
    }

    /** Asks the requester what they mean: the clock stops until the answer. */
    @Transactional
    public CaseFile requestClarification(UUID id, String question, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, WORKABLE, "ask for clarification");
        addClockEvent(requestCase, new ClockEvent(ClockEventKind.CLARIFICATION_REQUESTED, today(), null));
        move(requestCase, CaseStatus.AWAITING_CLARIFICATION, actor, "clarification-requested", question);
        return file(requestCase);
    }

    /** The requester answered: the clock resumes with the time that was left. */
    @Transactional
    public CaseFile clarificationReceived(UUID id, LocalDate receivedOn, String answer, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, EnumSet.of(CaseStatus.AWAITING_CLARIFICATION), "record a clarification");
        LocalDate on = receivedOn == null ? today() : notInFuture(receivedOn, "receivedOn");
        addClockEvent(requestCase, new ClockEvent(ClockEventKind.CLARIFICATION_RECEIVED, on, null));
        move(requestCase, CaseStatus.IN_PROGRESS, actor, "clarification-received", answer);
        return file(requestCase);
    }

    /** Extends the time once, with a reason, before the due date; the requester must be told within the month. */
    @Transactional
    public CaseFile extend(UUID id, String reason, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS,
                CaseStatus.AWAITING_OTHER_SERVICES), "extend the time to respond");
        addClockEvent(requestCase, new ClockEvent(ClockEventKind.EXTENDED, today(), reason));
        trail(requestCase, actor, "extended", requestCase.status(), requestCase.status(), reason);
        auditLog.record("dsr.case.extended", requestCase.subjectId(), Map.of("case", requestCase.reference()));
        return file(requestCase);
    }

    @Transactional
    public CaseFile refuse(UUID id, RefusalReason reason, String explanation, String actor) {
        RequestCase requestCase = openCase(id);
        close(requestCase, CaseStatus.REFUSED, reason.name(), actor, "refused:" + reason.name(), explanation);
        return file(requestCase);
    }

    @Transactional
    public CaseFile withdraw(UUID id, String note, String actor) {
        RequestCase requestCase = openCase(id);
        close(requestCase, CaseStatus.WITHDRAWN, null, actor, "withdrawn", note);
        return file(requestCase);
    }

    /**
     * A note staff add to the case's trail (sealed with the case's key like every reason); allowed on closed cases too,
     * since a complaint or the ICO may ask about a case long after it closed. The status does not change.
     */
    @Transactional
    public CaseFile comment(UUID id, String text, String actor) {
        RequestCase requestCase = lockedCase(id);
        trail(requestCase, actor, "commented", requestCase.status(), requestCase.status(), text);
        return file(requestCase);
    }

    /**
     * Closes a case as answered: in full, or in part with what was withheld and why (the explanation, on the trail).
     */
    @Transactional
    public CaseFile complete(UUID id, boolean partially, String explanation, String actor) {
        RequestCase requestCase = openCase(id);
        requireStatus(requestCase, EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS,
                CaseStatus.AWAITING_OTHER_SERVICES), "complete the case");
        if (requestCase.type() == null) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The case is not classified yet: say which right it exercises first");
        }
        if (requestCase.type() == SubjectRequestType.ERASURE) {
            // An erasure is answered by every service's receipt and the signed certificate: a case closed by hand
            // would claim an erasure nobody can prove.
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT, "An erasure request is completed by the "
                    + "services' receipts, with its certificate: carry it out (erasure), or refuse it with the reason");
        }
        if (partially && (explanation == null || explanation.isBlank())) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "explanation",
                    "explanation is required for a partial completion: what was withheld and why");
        }
        CaseStatus outcome = partially ? CaseStatus.PARTIALLY_COMPLETED : CaseStatus.COMPLETED;
        close(requestCase, outcome, null, actor, partially ? "partially-completed" : "completed", explanation);
        return file(requestCase);
    }

    /** The case, unlocked, open or closed. */
    RequestCase caseOrNotFound(UUID id) {
        return cases.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The case, locked, ready to be carried out as a request of this type: classified so, its subject resolved, and
     * received or in progress (not waiting for the requester, nor for other services).
     *
     * @param what what is about to be done, for the problem's detail ("erase", "restrict processing")
     */
    RequestCase actionableCase(UUID id, SubjectRequestType type, String what) {
        RequestCase requestCase = openCase(id);
        if (requestCase.type() != type) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT, "Only a " + type + " request is carried out "
                    + "this way (" + what + "); this case is " + typeCode(requestCase));
        }
        if (requestCase.subjectId() == null) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The case's subject is not resolved yet: record whom it concerns first");
        }
        requireStatus(requestCase, WORKABLE, what);
        return requestCase;
    }

    /** The case, locked, open or closed. */
    RequestCase lockedCase(UUID id) {
        return cases.lock(id).orElseThrow(() -> notFound(id));
    }

    /** The case, locked, which must still be open. */
    RequestCase openCase(UUID id) {
        RequestCase requestCase = lockedCase(id);
        if (!requestCase.status().open()) {
            throw new ProblemException(DsrProblem.CASE_CLOSED,
                    "The case was closed as " + requestCase.status() + " and changes no more");
        }
        return requestCase;
    }

    void close(RequestCase requestCase, CaseStatus outcome, String reasonCode, String actor, String action,
               String why) {
        CaseStatus from = requestCase.status();
        requestCase.close(outcome, reasonCode, clock.instant());
        trail(requestCase, actor, action, from, outcome, why);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", requestCase.reference());
        details.put("outcome", outcome.name());
        if (reasonCode != null) {
            details.put("reason", reasonCode);
        }
        auditLog.record("dsr.case.closed", requestCase.subjectId(), details);
        if (requestCase.openedEventPublished()) {
            outbox.publish(requestCase.subjectId(), new SubjectRequestClosed(requestCase.id().toString()));
        }
    }

    void move(RequestCase requestCase, CaseStatus next, String actor, String action, String why) {
        CaseStatus from = requestCase.status();
        requestCase.moveTo(next, clock.instant());
        trail(requestCase, actor, action, from, next, why);
        auditLog.record("dsr.case." + action.replaceFirst(":.*", ""), requestCase.subjectId(),
                Map.of("case", requestCase.reference(), "status", next.name()));
    }

    void trail(RequestCase requestCase, String actor, String action, CaseStatus from, CaseStatus to, String why) {
        byte[] sealed = why == null || why.isBlank() ? null : keys.encrypt(requestCase.keyOwner(), why);
        cases.addTrailEntry(new CaseTrailEntry(requestCase.id(), clock.instant(), actor, action, from, to, sealed));
    }

    private Optional<Requester> requesterOf(RequestCase requestCase) {
        return keys.decrypt(requestCase.keyOwner(), requestCase.requester()).map(this::fromJson);
    }

    CaseFile file(RequestCase requestCase) {
        cases.flush();
        Optional<Requester> requester = requesterOf(requestCase);
        List<TrailLine> trail = cases.trail(requestCase.id()).stream()
                .map(entry -> new TrailLine(entry, entry.why() == null ? Optional.empty()
                        : keys.decrypt(requestCase.keyOwner(), entry.why())))
                .toList();
        List<String> duplicates = requestCase.status().open()
                ? cases.openCasesLike(requestCase.id(), cases.identifierHashes(requestCase.id()),
                requestCase.subjectId())
                : List.of();
        return new CaseFile(requestCase, requester, clockOf(requestCase), trail, duplicates, today());
    }

    /** The open case with this reference whose requester wrote from this address, if any. */
    @Transactional
    public Optional<UUID> openCaseFrom(String reference, String fromAddress) {
        return cases.find("reference", reference).<RequestCase>firstResultOptional()
                .filter(requestCase -> requestCase.status().open())
                .filter(requestCase -> requesterOf(requestCase).map(Requester::email)
                        .map(email -> Objects.equals(RequesterIdentifiers.email(email),
                                RequesterIdentifiers.email(fromAddress)))
                        .orElse(false)
                        || identityCodes.wasSentTo(requestCase.id(), identifiers.emailHash(fromAddress)))
                .map(RequestCase::id);
    }

    /**
     * A mail from the requester on their case: kept on the trail, and, if the case waits for them, taken as the
     * answer: a code when identity is awaited, the clarification when that is.
     */
    @Transactional
    public void mailReceived(UUID id, String mailRef, String fromAddress, String text, Optional<String> code,
                             String actor) {
        RequestCase requestCase = openCase(id);
        cases.recordMail(id, mailRef);
        trail(requestCase, actor, "mail-received", requestCase.status(), requestCase.status(), text);
        if (requestCase.status() == CaseStatus.AWAITING_IDENTITY && code.isPresent()) {
            tryCode(requestCase, code.get(), actor);
        } else if (requestCase.status() == CaseStatus.AWAITING_CLARIFICATION) {
            addClockEvent(requestCase, new ClockEvent(ClockEventKind.CLARIFICATION_RECEIVED, today(), null));
            move(requestCase, CaseStatus.IN_PROGRESS, actor, "clarification-received", null);
        }
        auditLog.record("dsr.case.mail-received", requestCase.subjectId(), Map.of("case", requestCase.reference()));
    }

    /** The case as staff see it, without recording a read (the service's own use, e.g. to write a letter). */
    @Transactional
    CaseFile fileOf(UUID id) {
        return file(cases.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    /** While the clock is paused for clarification: the due date it was running to. */
    Optional<LocalDate> dueBeforePause(RequestCase requestCase) {
        return requestCase.clockBeforeLatestEvent(calendars.of(requestCase.nation())).dueOn();
    }

    ResponseClock clockOf(RequestCase requestCase) {
        return requestCase.clock(calendars.of(requestCase.nation()));
    }

    Instant now() {
        return clock.instant();
    }


    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }

    private void addClockEvent(RequestCase requestCase, ClockEvent event) {
        // Played on the current clock first: a refused event throws its problem and nothing is stored.
        ResponseClock next = event.applyTo(clockOf(requestCase));
        requestCase.addClockEvent(event);
        requestCase.dueOn(next.dueOn().orElse(null));
    }

    /** Announces the case once it concerns a known subject and a known right, so retention holds the subject. */
    private void announceIfReady(RequestCase requestCase) {
        if (!requestCase.openedEventPublished() && requestCase.subjectId() != null && requestCase.type() != null) {
            outbox.publish(requestCase.subjectId(),
                    new SubjectRequestOpened(requestCase.id().toString(), requestCase.type()));
            requestCase.markOpenedEventPublished();
        }
    }

    private static void requireStatus(RequestCase requestCase, Set<CaseStatus> allowed, String what) {
        if (!allowed.contains(requestCase.status())) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "Cannot " + what + " while the case is " + requestCase.status() + "; allowed while " + allowed);
        }
    }

    private LocalDate notInFuture(LocalDate date, String field) {
        if (date.isAfter(today())) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, field, field + " is after today (UK)");
        }
        return date;
    }

    private static String typeCode(RequestCase requestCase) {
        return requestCase.type() == null ? "TO_BE_CLASSIFIED" : requestCase.type().name();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(DsrProblem.CASE_NOT_FOUND, "There is no case " + id);
    }

    private String toJson(Requester requester) {
        try {
            return json.writeValueAsString(requester);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Requester not serialisable", e);
        }
    }

    private Requester fromJson(String text) {
        try {
            return json.readValue(text, Requester.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored requester unreadable", e);
        }
    }
}
