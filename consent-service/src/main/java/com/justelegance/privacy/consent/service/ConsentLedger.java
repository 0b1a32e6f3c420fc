package com.justelegance.privacy.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.consent.config.ConsentConfig;
import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.ConsentDecision;
import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.consent.domain.ProofDetails;
import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.domain.SoftOptInStatus;
import com.justelegance.privacy.consent.repository.ConsentDecisionRepository;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.PolicyVersionRepository;
import com.justelegance.privacy.consent.repository.PurposeRepository;
import com.justelegance.privacy.consent.repository.SoftOptInRepository.OrderOwner;
import com.justelegance.privacy.consent.repository.SoftOptInRepository;
import com.justelegance.privacy.consent.repository.SuppressionRepository.HashedIdentifier;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.erasure.SubjectLocks;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records consent decisions and answers what a subject's consents are now.
 *
 * <p>A decision is appended to the history with its proof, the current state moves in the same transaction, and
 * every purpose whose state actually changed publishes ConsentChanged through the outbox. Repeating the current
 * state is recorded as proof but publishes nothing.
 *
 * <p>Two rules keep implied choices below explicit ones. A soft opt-in (details collected during a sale, opt-out
 * offered and not taken) only grants a purpose the person has never decided on, and only once the storefront has
 * reported the order it names for the same person; one that arrives first waits for it (see {@link SoftOptIns}).
 * A Global Privacy Control signal
 * ({@code Sec-GPC: 1}) opts out of the "sale or sharing" purposes once; it is recorded as its own decision with
 * method GPC_SIGNAL, and any explicit choice made with or after it stands.
 */
@ApplicationScoped
public class ConsentLedger {

    /** Decisions staff record on a person's behalf: administrative actions, so audited. */
    private static final Set<ConsentSource> STAFF_SOURCES = EnumSet.of(ConsentSource.CUSTOMER_SERVICE,
            ConsentSource.DATA_SUBJECT_REQUEST);

    private final PurposeRepository purposes;
    private final PolicyVersionRepository policyVersions;
    private final ConsentDecisionRepository decisions;
    private final CurrentConsentRepository currentConsents;
    private final SubjectTombstones tombstones;
    private final SubjectLocks subjectLocks;
    private final SoftOptInRepository softOptIns;
    private final SuppressionList suppressionList;
    private final SubjectRestrictions restrictions;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration softOptInOrderWait;

    public ConsentLedger(PurposeRepository purposes, PolicyVersionRepository policyVersions,
                         ConsentDecisionRepository decisions, CurrentConsentRepository currentConsents,
                         SubjectTombstones tombstones, SubjectLocks subjectLocks, SoftOptInRepository softOptIns,
                         SuppressionList suppressionList, SubjectRestrictions restrictions,
                         SubjectKeys subjectKeys, Outbox outbox, AuditLog auditLog, ObjectMapper json, Clock clock,
                         ConsentConfig config) {
        this.purposes = purposes;
        this.policyVersions = policyVersions;
        this.decisions = decisions;
        this.currentConsents = currentConsents;
        this.tombstones = tombstones;
        this.subjectLocks = subjectLocks;
        this.softOptIns = softOptIns;
        this.suppressionList = suppressionList;
        this.restrictions = restrictions;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
        this.softOptInOrderWait = config.softOptIn().orderWait();
    }

    /**
     * A decision as the caller submits it.
     *
     * @param proof            truncated network and user agent, or null
     * @param softOptInOrderId the order whose checkout collected the details, when the grants are soft opt-ins
     * @param contacts         hashes of the identifiers the person uses, so an opt-out can suppress them
     * @param gpc              whether the submission carried {@code Sec-GPC: 1}
     */
    public record NewDecision(String policyVersion, ConsentSource source, ConsentMethod method,
                              Instant clientDecidedAt, List<ConsentChoice> choices, ProofDetails proof,
                              String softOptInOrderId, List<HashedIdentifier> contacts, boolean gpc) {
    }

    /**
     * What recording did: the explicit decision and the GPC decision (either may be null when nothing was recorded
     * for it), the purposes whose state changed, and for a soft opt-in whether it took effect or waits for its
     * order (and until when).
     */
    public record RecordedDecision(UUID decisionId, UUID gpcDecisionId, Instant recordedAt,
                                   List<String> changedPurposes, SoftOptInStatus softOptInStatus,
                                   Instant softOptInLapsesAt) {

        public boolean recordedAnything() {
            return decisionId != null || gpcDecisionId != null;
        }
    }

    @Transactional
    public RecordedDecision record(String subjectId, NewDecision request) {
        Map<String, Purpose> chosen = new LinkedHashMap<>();
        request.choices().forEach(choice -> chosen.put(choice.purposeCode(), knownPurpose(choice.purposeCode())));
        PolicyVersion shown = policyVersions.findByIdOptional(request.policyVersion())
                .orElseThrow(() -> new ProblemException(ConsentProblem.UNKNOWN_POLICY_VERSION,
                        "Policy version " + request.policyVersion() + " is not registered"));
        requireConsistent(request, chosen);
        // After the lock, so an erasure running at the same moment is either seen here or waits for us.
        subjectLocks.lock(subjectId);
        if (tombstones.isErased(subjectId)) {
            throw new ProblemException(ConsentProblem.SUBJECT_ERASED,
                    "This subject was erased; a returning person is recorded under a new subject id");
        }
        OrderOwner orderOwner = request.softOptInOrderId() == null ? null
                : softOptIns.ownerOf(request.softOptInOrderId(), subjectId);
        if (orderOwner == OrderOwner.SOMEONE_ELSE) {
            throw new FieldProblemException(ConsentProblem.SOFT_OPT_IN_NOT_ALLOWED,
                    "softOptInOrderId", "softOptInOrderId names an order someone else placed; a soft opt-in rests on "
                    + "the person's own purchase");
        }
        boolean orderSeen = orderOwner == OrderOwner.SUBJECT;
        Instant now = clock.instant();
        suppressionList.rememberContacts(subjectId, request.contacts(), now);
        byte[] proof = request.proof() == null ? null : subjectKeys.encrypt(subjectId, toJson(request.proof()));

        List<String> changed = new ArrayList<>();
        Set<Channel> explicitlyGranted = EnumSet.noneOf(Channel.class);
        UUID decisionId = null;
        SoftOptInStatus softOptInStatus = null;
        Instant softOptInLapsesAt = null;
        if (!request.choices().isEmpty()) {
            ConsentDecision decision = new ConsentDecision(subjectId, shown, request.source(), request.method(),
                    request.clientDecidedAt(), now, request.choices(), request.softOptInOrderId(), proof);
            decisions.persist(decision);
            decisionId = decision.id();
            boolean softOptIn = request.softOptInOrderId() != null;
            for (ConsentChoice choice : request.choices()) {
                Purpose purpose = chosen.get(choice.purposeCode());
                CurrentConsent current = currentOrNew(subjectId, purpose);
                if (request.gpc() && purpose.saleOrSharing()) {
                    // GPC came with this explicit choice: the choice prevails, and later signals must respect it.
                    current.markGpcApplied(now);
                }
                boolean impliedGrant = softOptIn && choice.state() == ConsentState.GRANTED;
                if (impliedGrant && (!current.undecided() || !orderSeen)) {
                    // Never over a decision the person made; and not before the sale it rests on is known.
                    continue;
                }
                LawfulBasis basis = impliedGrant ? LawfulBasis.SOFT_OPT_IN : purpose.lawfulBasis();
                if (move(current, purpose, choice.state(), basis, decision, now, changed)
                        && choice.state() == ConsentState.GRANTED && !impliedGrant && purpose.directMarketing()) {
                    explicitlyGranted.add(purpose.channel());
                }
            }
            if (softOptIn && orderSeen) {
                softOptIns.addConfirmed(decisionId, subjectId, request.softOptInOrderId(), now);
                softOptInStatus = SoftOptInStatus.CONFIRMED;
            } else if (softOptIn) {
                softOptInLapsesAt = now.plus(softOptInOrderWait);
                softOptIns.addPending(decisionId, subjectId, request.softOptInOrderId(), softOptInLapsesAt);
                softOptInStatus = SoftOptInStatus.PENDING;
            }
        }
        UUID gpcDecisionId = request.gpc() ? applyGpc(subjectId, shown, request, chosen, proof, now, changed) : null;
        suppressionList.follow(subjectId, explicitlyGranted, now);
        if (STAFF_SOURCES.contains(request.source())) {
            auditLog.record("consent.decision.recorded", subjectId, Map.of("source", request.source().name(),
                    "choices", request.choices().size(), "changed", changed.size()));
        }
        return new RecordedDecision(decisionId, gpcDecisionId, now, changed, softOptInStatus, softOptInLapsesAt);
    }

    /**
     * Grants what a soft opt-in decision granted, now that its order is known: on basis SOFT_OPT_IN, from now, and
     * only for purposes the person still has not decided on and that still allow the soft opt-in. Runs in the
     * caller's transaction, which must hold the subject's lock. Returns the purposes whose state changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> applySoftOptIn(UUID decisionId, Instant at) {
        ConsentDecision decision = decisions.findById(decisionId);
        List<String> changed = new ArrayList<>();
        for (ConsentChoice choice : decision.choices()) {
            Purpose purpose = purposes.findById(choice.purposeCode());
            if (choice.state() != ConsentState.GRANTED || !purpose.softOptInAllowed()) {
                continue;
            }
            CurrentConsent current = currentOrNew(decision.subjectId(), purpose);
            if (current.undecided()) {
                move(current, purpose, ConsentState.GRANTED, LawfulBasis.SOFT_OPT_IN, decision, at, changed);
            }
        }
        return changed;
    }

    /**
     * What a data-subject request's decision did: the decision (null when there was nothing to record), the
     * purposes whose state changed and how many suppression entries are new.
     */
    public record RequestDecision(UUID decisionId, List<String> changedPurposes, int suppressionEntriesAdded,
                                  Instant recordedAt) {
    }

    /**
     * Records the opt-outs a data-subject request carries out (source DATA_SUBJECT_REQUEST, method REJECT, the
     * request id as its proof) under the policy version in force, links the identifiers to the subject and brings
     * the suppression list in step. Runs in the caller's transaction, which holds the subject's lock and has made
     * sure the subject was not erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestDecision recordForSubjectRequest(String subjectId, String requestId, List<ConsentChoice> choices,
                                                   List<HashedIdentifier> contacts) {
        Instant now = clock.instant();
        suppressionList.rememberContacts(subjectId, contacts, now);
        List<String> changed = new ArrayList<>();
        UUID decisionId = null;
        if (!choices.isEmpty()) {
            ConsentDecision decision = new ConsentDecision(subjectId, policyInForce(), ConsentSource.DATA_SUBJECT_REQUEST,
                    ConsentMethod.REJECT, null, now, choices, null, null, requestId);
            decisions.persist(decision);
            decisionId = decision.id();
            for (ConsentChoice choice : choices) {
                Purpose purpose = knownPurpose(choice.purposeCode());
                move(currentOrNew(subjectId, purpose), purpose, choice.state(), purpose.lawfulBasis(), decision, now,
                        changed);
            }
        }
        int suppressed = suppressionList.follow(subjectId, Set.of(), now);
        return new RequestDecision(decisionId, changed, suppressed, now);
    }

    /**
     * The policy version in force today, which a request carried out on the person's behalf is recorded under (as
     * an unsubscribe link's opt-out is); the newest registered one if none has taken effect yet.
     */
    private PolicyVersion policyInForce() {
        return policyVersions.inForceOn(LocalDate.now(clock))
                .orElseGet(() -> policyVersions.newestFirst().getFirst());
    }

    /** Records the opt-out a Global Privacy Control signal asks for; returns the GPC decision, if one was needed. */
    private UUID applyGpc(String subjectId, PolicyVersion shown, NewDecision request, Map<String, Purpose> explicit,
                          byte[] proof, Instant now, List<String> changed) {
        record OptOut(Purpose purpose, CurrentConsent current, ConsentState state) {
        }
        List<OptOut> optOuts = new ArrayList<>();
        for (Purpose purpose : purposes.saleOrSharing()) {
            if (explicit.containsKey(purpose.code())) {
                continue;
            }
            CurrentConsent current = currentOrNew(subjectId, purpose);
            if (!current.gpcMayAct()) {
                continue;
            }
            ConsentState optOut = current.gpcOptOutState();
            current.markGpcApplied(now);
            if (optOut != null) {
                optOuts.add(new OptOut(purpose, current, optOut));
            }
        }
        if (optOuts.isEmpty()) {
            return null;
        }
        ConsentDecision gpcDecision = new ConsentDecision(subjectId, shown, request.source(),
                ConsentMethod.GPC_SIGNAL, request.clientDecidedAt(), now,
                optOuts.stream().map(o -> new ConsentChoice(o.purpose().code(), o.state())).toList(), null, proof);
        decisions.persist(gpcDecision);
        optOuts.forEach(o -> move(o.current(), o.purpose(), o.state(), o.purpose().lawfulBasis(), gpcDecision, now,
                changed));
        return gpcDecision.id();
    }

    /** Moves the current state by a decision, effective at a moment, and publishes the change if there is one. */
    private boolean move(CurrentConsent current, Purpose purpose, ConsentState state, LawfulBasis basis,
                         ConsentDecision decision, Instant at, List<String> changed) {
        if (!current.moveTo(state, basis, decision.id(), at)) {
            return false;
        }
        currentConsents.persist(current);
        outbox.publish(decision.subjectId(), new ConsentChanged(decision.id().toString(), purpose.code(),
                purpose.channel(), state, basis, decision.policyVersion(), decision.source(), decision.method(),
                at));
        changed.add(purpose.code());
        return true;
    }

    private CurrentConsent currentOrNew(String subjectId, Purpose purpose) {
        return currentConsents.find(subjectId, purpose.code())
                .orElseGet(() -> new CurrentConsent(subjectId, purpose.code()));
    }

    private static void requireConsistent(NewDecision request, Map<String, Purpose> chosen) {
        if (request.method() == ConsentMethod.GPC_SIGNAL) {
            // The method claims a Global Privacy Control signal: it must come with the signal, and the signal only
            // ever opts out, so a grant recorded "by GPC" would be a contradiction in the proof.
            if (!request.gpc()) {
                throw new ProblemException(ConsentProblem.RESERVED_METHOD,
                        "method GPC_SIGNAL records a Global Privacy Control signal: send it with the header Sec-GPC: 1");
            }
            if (request.choices().stream().anyMatch(choice -> choice.state() == ConsentState.GRANTED)) {
                throw new ProblemException(ConsentProblem.RESERVED_METHOD,
                        "method GPC_SIGNAL only opts out; a choice that grants must be recorded with another method");
            }
        }
        if (request.choices().isEmpty() && !request.gpc()) {
            throw new ProblemException(ConsentProblem.NO_CHOICES,
                    "A decision needs at least one choice, unless it carries Sec-GPC: 1");
        }
        if (request.softOptInOrderId() == null) {
            return;
        }
        if (request.source() != ConsentSource.CHECKOUT) {
            throw new ProblemException(ConsentProblem.SOFT_OPT_IN_NOT_ALLOWED,
                    "A soft opt-in comes from details collected during a sale: source must be CHECKOUT");
        }
        boolean grantsAnything = false;
        for (ConsentChoice choice : request.choices()) {
            if (choice.state() == ConsentState.GRANTED) {
                grantsAnything = true;
                if (!chosen.get(choice.purposeCode()).softOptInAllowed()) {
                    throw new ProblemException(ConsentProblem.SOFT_OPT_IN_NOT_ALLOWED,
                            "Purpose " + choice.purposeCode() + " does not allow the soft opt-in");
                }
            }
        }
        if (!grantsAnything) {
            throw new ProblemException(ConsentProblem.SOFT_OPT_IN_NOT_ALLOWED,
                    "softOptInOrderId is evidence for a grant, but no choice grants anything");
        }
    }

    /**
     * The subject's current state for every purpose they have decided on, and since when its processing is
     * restricted (Art. 18; null when it is not): while restricted, no state allows anything.
     */
    public record SubjectConsents(List<CurrentConsent> consents, Instant restrictedSince) {
    }

    /** The subject's current consents and restriction, audited as a read of the subject's data. */
    @Transactional
    public SubjectConsents currentConsents(String subjectId) {
        List<CurrentConsent> consents = currentConsents.forSubject(subjectId);
        Instant restrictedSince = restrictions.restrictionsOf(subjectId).stream()
                .filter(SubjectRestrictions.Restriction::inForce)
                .map(SubjectRestrictions.Restriction::restrictedAt)
                .min(Comparator.naturalOrder()).orElse(null);
        auditLog.record("consent.state.read", subjectId, Map.of("purposes", consents.size(),
                "restricted", restrictedSince != null));
        return new SubjectConsents(consents, restrictedSince);
    }

    /**
     * A decision as history shows it, with its proof details decrypted when the subject's key still exists, and for
     * a soft opt-in whether it took effect (null for other decisions).
     */
    public record HistoryEntry(ConsentDecision decision, Optional<ProofDetails> proof, SoftOptInStatus softOptIn) {
    }

    /** The subject's decisions, oldest first. Runs in the caller's transaction (it decrypts proof). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<HistoryEntry> history(String subjectId) {
        Map<UUID, SoftOptInStatus> softOptInStatuses = softOptIns.statusesFor(subjectId);
        return decisions.forSubject(subjectId).stream()
                .map(decision -> new HistoryEntry(decision, proofOf(decision), softOptInStatuses.get(decision.id())))
                .toList();
    }

    /** The subject's decision history, audited as a read of the subject's data. */
    @Transactional
    public List<HistoryEntry> readHistory(String subjectId) {
        List<HistoryEntry> history = history(subjectId);
        auditLog.record("consent.history.read", subjectId, Map.of("decisions", history.size()));
        return history;
    }

    private Optional<ProofDetails> proofOf(ConsentDecision decision) {
        if (decision.proofCiphertext() == null) {
            return Optional.empty();
        }
        return subjectKeys.decrypt(decision.subjectId(), decision.proofCiphertext()).map(this::fromJson);
    }

    Purpose knownPurpose(String code) {
        return purposes.findByIdOptional(code).orElseThrow(() -> new ProblemException(ConsentProblem.UNKNOWN_PURPOSE,
                "Purpose " + code + " is not in the purpose catalogue"));
    }

    private String toJson(ProofDetails proof) {
        try {
            return json.writeValueAsString(proof);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Proof details could not be serialised", e);
        }
    }

    private ProofDetails fromJson(String proof) {
        try {
            return json.readValue(proof, ProofDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored proof details could not be read", e);
        }
    }
}
