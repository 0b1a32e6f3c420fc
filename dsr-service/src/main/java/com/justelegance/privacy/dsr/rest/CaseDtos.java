package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.IdentityCheck;
import com.justelegance.privacy.dsr.domain.IntakeChannel;
import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.domain.RefusalReason;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.domain.ResponseClock;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.dsr.service.Cases;
import com.justelegance.privacy.dsr.service.Rectifications;
import com.justelegance.privacy.dsr.service.Restrictions;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.Purpose;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the case API. */
public final class CaseDtos {

    /** Staff's names for people (an assignee): letters, digits and {@code . _ @ -}. */
    public static final String STAFF_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

    private CaseDtos() {
    }

    /**
     * A request to record.
     *
     * @param type       the right exercised; leave out when it is not clear yet (to be classified)
     * @param receivedOn the UK day it arrived (today if left out); never in the future
     * @param nation     whose bank holidays count (the service's default if left out)
     * @param subjectId  the subject, when staff already know it
     */
    public record NewCaseRequest(SubjectRequestType type, @NotNull IntakeChannel channel, LocalDate receivedOn,
                                 Nation nation, @NotNull @Valid RequesterDetails requester,
                                 @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
    }

    /** Who is asking, and how to reach and find them; at least one of email, phone, customer number, address. */
    public record RequesterDetails(@Size(max = 200) String name, @Email @Size(max = 254) String email,
                                   @Pattern(regexp = "^[+0-9 ()-]{6,32}$") String phone,
                                   @Pattern(regexp = "^[A-Za-z0-9-]{1,32}$") String customerNumber,
                                   @Size(max = 500) String postalAddress, @Size(max = 10_000) String message) {

        Requester toRequester() {
            return new Requester(name, email, phone, customerNumber, postalAddress, message);
        }

        boolean reachable() {
            return present(email) || present(phone) || present(customerNumber) || present(postalAddress);
        }

        static RequesterDetails of(Requester requester) {
            return new RequesterDetails(requester.name(), requester.email(), requester.phone(),
                    requester.customerNumber(), requester.postalAddress(), requester.message());
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    /** The right a to-be-classified case exercises. */
    public record Classification(@NotNull SubjectRequestType type) {
    }

    /** Who works on the case. */
    public record Assignment(@NotNull @Pattern(regexp = STAFF_PATTERN) String assignee) {
    }

    /** Whom the case concerns. */
    public record SubjectMatch(@NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
    }

    /**
     * An identity check staff made.
     *
     * @param proofReceivedOn the day the proof arrived, when it was asked for (today if left out): the month starts
     *                        afresh then
     * @param note            what was seen, e.g. the document type; never the document's number
     */
    public record IdentityCheckRequest(@NotNull IdentityCheck.Method method, @NotNull IdentityCheck.Outcome outcome,
                                       LocalDate proofReceivedOn, @Size(max = 2_000) String note) {
    }

    /**
     * What looking the subject up found.
     *
     * @param candidates how many different customers the requester's identifiers matched (1: recorded as the subject)
     * @param matchedBy  the identifier kinds that found someone ({@code EMAIL}, {@code PHONE}, {@code CUSTOMER_NUMBER})
     */
    public record SubjectResolutionView(int candidates, List<String> matchedBy, CaseView requestCase) {
    }

    /**
     * What a rectification corrects.
     *
     * @param corrections the corrected values as the requester gave them (kept encrypted; never in an event)
     */
    public record RectificationRequest(@NotEmpty List<@NotNull DataCategory> categories,
                                       @NotBlank @Size(max = 10_000) String corrections) {
    }

    /** What a rectification corrects, for the system that applies it; {@code corrections} null once the key is gone. */
    public record RectificationView(List<DataCategory> categories, String corrections, Instant requestedAt,
                                    String requestedBy) {

        static RectificationView of(Rectifications.Rectification rectification) {
            return new RectificationView(rectification.categories(), rectification.corrections().orElse(null),
                    rectification.requestedAt(), rectification.requestedBy());
        }
    }

    /** The one-time code the requester was sent. */
    public record IdentityCode(@NotNull @Pattern(regexp = "^\\s*[0-9]{6}\\s*$") String code) {
    }

    /** What is unclear in the request, as asked of the requester. */
    public record ClarificationRequest(@NotBlank @Size(max = 5_000) String question) {
    }

    /** The requester's answer. */
    public record ClarificationAnswer(LocalDate receivedOn, @Size(max = 10_000) String answer) {
    }

    /** Why the time is extended: the complexity or number of the requester's requests. */
    public record ExtensionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Why the request is refused; the explanation goes to the requester. */
    public record RefusalRequest(@NotNull RefusalReason reason, @NotBlank @Size(max = 5_000) String explanation) {
    }

    /** A staff note on the case's trail. */
    public record CommentRequest(@NotBlank @Size(max = 5_000) String text) {
    }

    /** The requester withdrew the request. */
    public record WithdrawalRequest(@Size(max = 2_000) String note) {
    }

    /** Restrict the processing of the case's subject; the note (optional) is kept on the trail. */
    public record RestrictionRequest(@Size(max = 2_000) String note) {
    }

    /** Lift a restriction; the reason is told to the requester. */
    public record RestrictionLift(@NotBlank @Size(max = 2_000) String reason) {
    }

    /** A case's restriction: in force until lifted. */
    public record RestrictionView(boolean inForce, Instant restrictedAt, String restrictedBy, Instant liftedAt,
                                  String liftedBy) {

        static RestrictionView of(Restrictions.Restriction restriction) {
            return new RestrictionView(restriction.inForce(), restriction.restrictedAt(), restriction.restrictedBy(),
                    restriction.liftedAt(), restriction.liftedBy());
        }
    }

    /** The purposes whose consent is withdrawn; none (or left out): every purpose the subject consented to. */
    public record ConsentWithdrawalRequest(
            @Size(max = 20) List<@NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String> purposes) {

        List<String> purposeCodes() {
            return purposes == null ? List.of() : purposes.stream().distinct().toList();
        }
    }

    /** The case is answered; partially, with what was withheld and why. */
    public record CompletionRequest(boolean partially, @Size(max = 5_000) String explanation) {
    }

    /**
     * Where the response clock stands today.
     *
     * @param dueOn              null while paused: awaiting identity or clarification
     * @param waitingForIdentity proof of identity was asked for; the month starts afresh when it arrives
     */
    public record Deadline(LocalDate startedOn, LocalDate dueOn, Long daysLeft, boolean paused, boolean extended,
                           String extensionReason, boolean overdue, boolean waitingForIdentity, Nation bankHolidays) {

        static Deadline of(RequestCase requestCase, ResponseClock clock, LocalDate today) {
            boolean waitingForIdentity = requestCase.status() == CaseStatus.AWAITING_IDENTITY;
            boolean open = requestCase.status().open();
            LocalDate dueOn = waitingForIdentity ? null : clock.dueOn().orElse(null);
            return new Deadline(clock.startedOn(), dueOn, open && dueOn != null ? clock.daysLeft(today) : null,
                    waitingForIdentity || clock.paused(), clock.extended(),
                    clock.extension().map(ResponseClock.Extension::reason).orElse(null),
                    open && !waitingForIdentity && clock.overdue(today), waitingForIdentity, clock.nation());
        }
    }

    /** One line of the case's trail; {@code why} is null when none was given or the case's key is gone. */
    public record TrailLineView(Instant at, String actor, String action, CaseStatus from, CaseStatus to, String why) {

        static TrailLineView of(Cases.TrailLine line) {
            return new TrailLineView(line.entry().at(), line.entry().actor(), line.entry().action(),
                    line.entry().from(), line.entry().to(), line.why().orElse(null));
        }
    }

    /**
     * A case in full.
     *
     * @param type              null: to be classified
     * @param requester         null once the case's key is destroyed
     * @param likelyDuplicates  references of other open cases with the same identifier or subject
     * @param closingReason     a refusal's reason code
     */
    public record CaseView(UUID id, String reference, SubjectRequestType type, IntakeChannel channel,
                           CaseStatus status, LocalDate receivedOn, Instant recordedAt, String recordedBy,
                           String subjectId, String assignee, RequesterDetails requester, Deadline deadline,
                           List<String> likelyDuplicates, String closingReason, Instant closedAt,
                           List<TrailLineView> trail) {

        static CaseView of(Cases.CaseFile file) {
            RequestCase c = file.requestCase();
            return new CaseView(c.id(), c.reference(), c.type(), c.channel(), c.status(), c.receivedOn(),
                    c.recordedAt(), c.recordedBy(), c.subjectId(), c.assignee(),
                    file.requester().map(RequesterDetails::of).orElse(null),
                    Deadline.of(c, file.clock(), file.today()), file.likelyDuplicates(), c.closingReason(),
                    c.closedAt(), file.trail().stream().map(TrailLineView::of).toList());
        }
    }

    /**
     * A case in the work queue or a search's answer: no personal data, only what it takes to pick the next one, and
     * for an audit who decided it and when.
     *
     * @param daysLeft        days to the due date as {@link Deadline} counts them (negative once overdue); null
     *                        while paused without a due date, or once closed
     * @param paused          the clock waits for the requester: proof of identity or clarification
     * @param extended        the time was extended
     * @param overdue         the response is late
     * @param receiptsOverdue the case's erasure is still missing a participant's receipt after the time allowed
     * @param decidedBy       who closed the case (the trail's closing entry; {@code system:dsr-service} when the
     *                        services' receipts closed it); null while open
     * @param decidedAt       when it was closed; null while open
     */
    public record CaseSummary(UUID id, String reference, SubjectRequestType type, IntakeChannel channel,
                              CaseStatus status, LocalDate receivedOn, LocalDate dueOn, Long daysLeft, boolean paused,
                              boolean extended, boolean overdue, boolean receiptsOverdue, String assignee,
                              Instant closedAt, String decidedBy, Instant decidedAt) {

        static CaseSummary of(Cases.QueueEntry entry, LocalDate today, boolean receiptsOverdue) {
            RequestCase c = entry.requestCase();
            Deadline deadline = Deadline.of(c, entry.clock(), today);
            return new CaseSummary(c.id(), c.reference(), c.type(), c.channel(), c.status(), c.receivedOn(),
                    c.dueOn(), deadline.daysLeft(), deadline.paused(), deadline.extended(), deadline.overdue(),
                    receiptsOverdue, c.assignee(), c.closedAt(),
                    entry.closing().map(CaseRepository.Closing::actor).orElse(null),
                    entry.closing().map(CaseRepository.Closing::at).orElse(null));
        }
    }

    /**
     * What to search cases by: at least one; when both are given, both must match.
     *
     * @param email     the requester's e-mail address, matched through its keyed hash; never stored or echoed
     * @param reference a case reference, exactly ({@code DSR-2026-000042}; case and spaces around it do not matter)
     */
    public record CaseSearch(@Email @Size(max = 254) String email,
                             @Pattern(regexp = "^\\s*[A-Za-z]{3}-[0-9]{4}-[0-9]{6}\\s*$") String reference) {
    }

    /**
     * A case's erasure across the services.
     *
     * @param awaiting participants that have not answered yet
     * @param overdue  one is still missing after the time allowed
     * @param closedAt when the last receipt came in
     */
    public record ErasureView(String requestId, Instant requestedAt, Instant closedAt, List<String> awaiting,
                              boolean overdue, List<ErasureCertificate.Participant> receipts) {

        static ErasureView of(ErasureReceipts.ErasureStatus status) {
            return new ErasureView(status.request().requestId(), status.request().requestedAt(),
                    status.request().closedAt(), status.awaiting(), status.overdue(),
                    ErasureCertificate.participantsOf(status));
        }
    }
}
