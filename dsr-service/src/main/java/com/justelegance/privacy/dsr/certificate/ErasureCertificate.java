package com.justelegance.privacy.dsr.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.ErasureStatus;
import com.justelegance.privacy.kit.erasure.ErasureReceipts.Receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The erasure certificate the privacy officer gives a requester once their erasure is done (UK GDPR Art. 17, with
 * the recipients told under Art. 19): which service erased what, what each kept, why and until when, and whom the
 * data had been disclosed to and was told. It names the subject only by the kit's keyed hash
 * ({@code KeyedHash.subjectRef}), never by an id or a name. {@link ErasureCertificates} signs it.
 *
 * <p>The JSON form is the public format (see docs/erasure.md, "Erasure certificates"); its canonical bytes are what
 * the signature covers. So that they are the same in every JSON library, the record refuses what would need more
 * than the plain form: texts with control characters (and blank required texts), counts beyond 2^53 - 1, and
 * instants finer than a second (instants are cut to the second).
 *
 * @param certificateId      the certificate's own id
 * @param caseReference      the data-subject request case it answers, as the requester knows it
 * @param subjectRef         the keyed hash of the subject id the erasure was requested for
 * @param erasureRequestId   the erasure request sent to the services ({@code ErasureRequested.requestId})
 * @param requestReceivedOn  the day the requester's request was received
 * @param issuedAt           when the certificate was issued
 * @param outcome            whether everything was erased, or some data kept under an exception
 * @param participants       each service's answer, by service name
 * @param recipientsNotified the recipients told of the erasure (Art. 19), in the order given
 * @param summary            the same in plain English, one sentence a line (may be empty)
 */
public record ErasureCertificate(UUID certificateId, String caseReference, String subjectRef,
                                 String erasureRequestId, LocalDate requestReceivedOn, Instant issuedAt,
                                 Outcome outcome, List<Participant> participants,
                                 List<RecipientNotified> recipientsNotified, List<String> summary) {

    /** The largest count every JSON library reads exactly (RFC 8785 and JavaScript numbers). */
    static final long MAX_COUNT = (1L << 53) - 1;

    /**
     * The reasons for keeping data that make an erasure partial: the exceptions of Art. 17(3). Keeping the record
     * that the erasure happened ({@code ERASURE_RECORD}) and the suppression entry that honours the objection
     * ({@code SUPPRESSION_LIST}) are part of carrying the erasure out, not exceptions to it.
     */
    public static final Set<WithheldReason> EXCEPTIONS = EnumSet.of(WithheldReason.LEGAL_OBLIGATION,
            WithheldReason.LEGAL_CLAIM, WithheldReason.LEGAL_HOLD);

    public ErasureCertificate {
        Objects.requireNonNull(certificateId, "certificateId");
        Texts.required(caseReference, "caseReference");
        Texts.required(subjectRef, "subjectRef");
        Texts.required(erasureRequestId, "erasureRequestId");
        Objects.requireNonNull(requestReceivedOn, "requestReceivedOn");
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(outcome, "outcome");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        recipientsNotified = List.copyOf(Objects.requireNonNull(recipientsNotified, "recipientsNotified"));
        summary = List.copyOf(Objects.requireNonNull(summary, "summary"));
        summary.forEach(line -> Texts.required(line, "summary"));
    }

    /** COMPLETED: all erased but the records the erasure itself keeps; PARTIALLY_COMPLETED: some kept by law. */
    public enum Outcome {
        COMPLETED,
        PARTIALLY_COMPLETED
    }

    /**
     * One service's answer.
     *
     * @param service    the service, e.g. {@code consent-service}
     * @param answeredAt when its erasure committed (its receipt's {@code completedAt})
     * @param erased     records erased per data category
     * @param kept       what it kept, why and until when
     */
    public record Participant(String service, Instant answeredAt, List<Erased> erased, List<Kept> kept) {

        public Participant {
            Texts.required(service, "service");
            answeredAt = Objects.requireNonNull(answeredAt, "answeredAt").truncatedTo(ChronoUnit.SECONDS);
            erased = List.copyOf(Objects.requireNonNull(erased, "erased"));
            kept = List.copyOf(Objects.requireNonNull(kept, "kept"));
        }
    }

    /** How many records of a category were erased or anonymised. */
    public record Erased(DataCategory category, long count) {

        public Erased {
            Objects.requireNonNull(category, "category");
            if (count < 0 || count > MAX_COUNT) {
                throw new IllegalArgumentException("count must be between 0 and 2^53 - 1");
            }
        }
    }

    /**
     * Data of a category that was kept.
     *
     * @param until the day it goes, or null when it is kept for as long as the reason lasts
     */
    public record Kept(DataCategory category, WithheldReason reason, LocalDate until) {

        public Kept {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A recipient the data had been disclosed to, told of the erasure (Art. 19 UK GDPR).
     *
     * @param recipient  the recipient's name or registry id
     * @param categories the categories of the subject's data it had received
     * @param notifiedAt when it was told
     */
    public record RecipientNotified(String recipient, List<DataCategory> categories, Instant notifiedAt) {

        public RecipientNotified {
            Texts.required(recipient, "recipient");
            categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
            notifiedAt = Objects.requireNonNull(notifiedAt, "notifiedAt").truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * The certificate for an erasure every expected service has answered, from its status in the kit's
     * {@code ErasureReceipts}: the subject's keyed hash and the request id from the request, one participant per
     * receipt (its erased and withheld lines read from the JSON the kit stores), a new certificate id, and the
     * summary. The outcome is PARTIALLY_COMPLETED when any service kept data under one of the {@link #EXCEPTIONS}.
     *
     * @param status             the erasure's status, with every receipt in
     * @param caseReference      the case the requester knows
     * @param requestReceivedOn  the day the requester's request was received
     * @param recipientsNotified the recipients told under Art. 19 (empty when there were none)
     * @param issuedAt           when the certificate is issued
     * @throws IllegalStateException while a service has not answered: a certificate must not claim an erasure a
     *                               service has not confirmed
     */
    public static ErasureCertificate fromErasureStatus(ErasureStatus status, String caseReference,
                                                       LocalDate requestReceivedOn,
                                                       List<RecipientNotified> recipientsNotified, Instant issuedAt) {
        if (!status.awaiting().isEmpty()) {
            throw new IllegalStateException("The erasure still awaits the receipts of " + status.awaiting());
        }
        List<Participant> participants = participantsOf(status);
        boolean partial = participants.stream()
                .flatMap(participant -> participant.kept().stream())
                .anyMatch(kept -> EXCEPTIONS.contains(kept.reason()));
        Outcome outcome = partial ? Outcome.PARTIALLY_COMPLETED : Outcome.COMPLETED;
        return new ErasureCertificate(UUID.randomUUID(), caseReference, status.request().subjectRef(),
                status.request().requestId(), requestReceivedOn, issuedAt, outcome, participants,
                recipientsNotified, Summary.of(outcome, participants, recipientsNotified));
    }

    /** The receipts in so far, one participant each, by service name. */
    public static List<Participant> participantsOf(ErasureStatus status) {
        return status.receipts().stream()
                .map(ErasureCertificate::participant)
                .sorted(Comparator.comparing(Participant::service))
                .toList();
    }

    /**
     * The recipients the participants' receipts say they told of the erasure (Art. 19), once each, in the order
     * the receipts came in. A receipt names recipients only by their registry ids, so the categories are left empty
     * and the time told is when that participant's erasure committed.
     */
    public static List<RecipientNotified> recipientsOf(ErasureStatus status) {
        Map<String, RecipientNotified> recipients = new LinkedHashMap<>();
        for (Receipt receipt : status.receipts()) {
            for (String recipient : receipt.recipientsNotified()) {
                recipients.putIfAbsent(recipient, new RecipientNotified(recipient, List.of(), receipt.completedAt()));
            }
        }
        return List.copyOf(recipients.values());
    }

    private static Participant participant(Receipt receipt) {
        List<Erased> erased = readLines(receipt.erased(), new TypeReference<List<ErasedRecords>>() {
        }).stream().map(line -> new Erased(line.category(), line.count())).toList();
        List<Kept> kept = readLines(receipt.withheld(), new TypeReference<List<WithheldRecords>>() {
        }).stream().map(line -> new Kept(line.category(), line.reason(), line.until())).toList();
        return new Participant(receipt.service(), receipt.completedAt(), erased, kept);
    }

    /** A receipt's lines, stored by the kit as the event's JSON (with the event codec). */
    private static <T> List<T> readLines(String json, TypeReference<List<T>> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            // Written by the kit from a decoded event; unreadable only if the stored row was altered.
            throw new IllegalStateException("A stored erasure receipt is not the JSON the kit writes", e);
        }
    }

    /** The certificate's plain-English lines, for the requester. */
    static final class Summary {

        private static final ZoneId UK = ZoneId.of("Europe/London");
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

        private Summary() {
        }

        static List<String> of(Outcome outcome, List<Participant> participants,
                               List<RecipientNotified> recipients) {
            List<String> lines = new ArrayList<>();
            boolean keptAnything = participants.stream().anyMatch(participant -> !participant.kept().isEmpty());
            lines.add(switch (outcome) {
                case COMPLETED -> keptAnything
                        ? "Your personal data has been erased from every one of our systems that held it, apart from "
                        + "the records listed below that carrying out the erasure needs."
                        : "Your personal data has been erased from every one of our systems that held it.";
                case PARTIALLY_COMPLETED -> "Your personal data has been erased, except the data listed below that "
                        + "we must keep for a legal reason.";
            });
            for (Participant participant : participants) {
                lines.add(participant.erased().isEmpty()
                        ? participant.service() + " held nothing to erase."
                        : participant.service() + " erased " + participant.erased().stream()
                        .map(line -> words(line.category()) + " (" + line.count() + ")")
                        .collect(Collectors.joining(", ")) + ".");
                for (Kept kept : participant.kept()) {
                    lines.add(participant.service() + " keeps " + words(kept.category()) + " " + why(kept.reason())
                            + (kept.until() == null ? ", for as long as that is needed." : ", until "
                            + DAY.format(kept.until()) + "."));
                }
            }
            for (RecipientNotified recipient : recipients) {
                // A receipt names the recipient only, without the categories it had received.
                String what = recipient.categories().isEmpty() ? "" : ": "
                        + recipient.categories().stream().map(Summary::words).collect(Collectors.joining(", "));
                lines.add("We told " + recipient.recipient() + " on "
                        + DAY.format(recipient.notifiedAt().atZone(UK)) + " to erase the data we had given it"
                        + what + ".");
            }
            return lines;
        }

        private static String words(DataCategory category) {
            return category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        private static String why(WithheldReason reason) {
            return switch (reason) {
                case LEGAL_OBLIGATION -> "because the law requires us to";
                case LEGAL_CLAIM -> "because it is needed for a legal claim";
                case LEGAL_HOLD -> "under a legal hold";
                case SUPPRESSION_LIST -> "so that you are not sent marketing again";
                case ERASURE_RECORD -> "as the record that this erasure happened";
            };
        }
    }

    /** The rules for the certificate's texts. */
    static final class Texts {

        private Texts() {
        }

        /** Present, not blank, and free of control characters (which the canonical form would have to escape). */
        static void required(String text, String field) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(field + " is required");
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
    }
}
