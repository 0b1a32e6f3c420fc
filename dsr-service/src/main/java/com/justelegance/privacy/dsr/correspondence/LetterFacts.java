package com.justelegance.privacy.dsr.correspondence;

import com.justelegance.privacy.events.codes.SubjectRequestType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a letter says about one case. Every letter needs the first four (the case reference, the request type, the
 * day the request was received and the day the answer is due: for an extension notice the new due date); the rest
 * is what one kind of letter needs, and {@link #missingFor} says which. Start with {@link #of} and add the rest
 * with the {@code with...} methods:
 *
 * <pre>
 * LetterFacts.of("DSR-2026-0042", SubjectRequestType.ACCESS, receivedOn, dueOn)
 *         .withRequesterName("Ada Lovelace")
 *         .withLink(downloadUrl, linkExpiresOn);
 * </pre>
 *
 * @param caseReference      the case's reference, quoted in the subject so replies keep it
 * @param requestType        what the person asked for
 * @param receivedOn         the day the request was received (UK date)
 * @param dueOn              the day the answer is due (UK date)
 * @param requesterName      how to greet the person; {@code null} for a neutral greeting
 * @param code               identity request: the one-time code to send back
 * @param codeExpiresAt      identity request: when the code stops working
 * @param reason             clarification request: what is unclear; extension notice, refusal and lifting of a
 *                           restriction: why
 * @param link               completion of access or portability: where to download the data
 * @param linkExpiresOn      the last day the link works
 * @param certificateId      completion of erasure: the erasure certificate's id
 * @param certificateSummary completion of erasure: one line per thing the certificate records
 * @param actionsTaken       completion of the other requests: one line per thing that was done
 * @param withheld           partial completion: one line per thing withheld, with why
 */
public record LetterFacts(String caseReference, SubjectRequestType requestType, LocalDate receivedOn,
                          LocalDate dueOn, String requesterName, String code, Instant codeExpiresAt, String reason,
                          String link, LocalDate linkExpiresOn, String certificateId,
                          List<String> certificateSummary, List<String> actionsTaken, List<String> withheld) {

    public LetterFacts {
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        certificateSummary = certificateSummary == null ? List.of() : List.copyOf(certificateSummary);
        actionsTaken = actionsTaken == null ? List.of() : List.copyOf(actionsTaken);
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    /** The facts every letter needs; nothing else yet. */
    public static LetterFacts of(String caseReference, SubjectRequestType requestType, LocalDate receivedOn,
                                 LocalDate dueOn) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, null, null, null, null, null, null,
                null, null, null, null);
    }

    public LetterFacts withRequesterName(String name) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, name, code, codeExpiresAt, reason,
                link, linkExpiresOn, certificateId, certificateSummary, actionsTaken, withheld);
    }

    public LetterFacts withCode(String oneTimeCode, Instant expiresAt) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, oneTimeCode, expiresAt,
                reason, link, linkExpiresOn, certificateId, certificateSummary, actionsTaken, withheld);
    }

    public LetterFacts withReason(String why) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, code, codeExpiresAt,
                why, link, linkExpiresOn, certificateId, certificateSummary, actionsTaken, withheld);
    }

    public LetterFacts withLink(String downloadLink, LocalDate expiresOn) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, code, codeExpiresAt,
                reason, downloadLink, expiresOn, certificateId, certificateSummary, actionsTaken, withheld);
    }

    public LetterFacts withCertificate(String id, List<String> summary) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, code, codeExpiresAt,
                reason, link, linkExpiresOn, id, summary, actionsTaken, withheld);
    }

    public LetterFacts withActionsTaken(List<String> actions) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, code, codeExpiresAt,
                reason, link, linkExpiresOn, certificateId, certificateSummary, actions, withheld);
    }

    public LetterFacts withWithheld(List<String> withheldLines) {
        return new LetterFacts(caseReference, requestType, receivedOn, dueOn, requesterName, code, codeExpiresAt,
                reason, link, linkExpiresOn, certificateId, certificateSummary, actionsTaken, withheldLines);
    }

    /**
     * The names of the facts a letter of this kind needs and these facts lack; empty when it can be sent. A
     * completion says what was done in the way the request needs: a download link for access and portability, the
     * certificate for erasure, the actions taken for the others.
     */
    public List<String> missingFor(LetterKind kind) {
        List<String> missing = new ArrayList<>();
        switch (kind) {
            case ACKNOWLEDGEMENT -> {
                // the four every letter has
            }
            case IDENTITY_REQUEST -> {
                requireText(code, "code", missing);
                require(codeExpiresAt, "codeExpiresAt", missing);
            }
            case CLARIFICATION_REQUEST, EXTENSION_NOTICE, REFUSAL, RESTRICTION_LIFTED ->
                    requireText(reason, "reason", missing);
            case COMPLETION -> {
                switch (requestType) {
                    case ACCESS, PORTABILITY -> {
                        requireText(link, "link", missing);
                        require(linkExpiresOn, "linkExpiresOn", missing);
                    }
                    case ERASURE -> {
                        requireText(certificateId, "certificateId", missing);
                        requireLines(certificateSummary, "certificateSummary", missing);
                    }
                    case RECTIFICATION, RESTRICTION, OBJECTION, CONSENT_WITHDRAWAL ->
                            requireLines(actionsTaken, "actionsTaken", missing);
                }
            }
            case PARTIAL_COMPLETION -> {
                requireLines(withheld, "withheld", missing);
                if (link != null) {
                    require(linkExpiresOn, "linkExpiresOn", missing);
                }
            }
        }
        return missing;
    }

    private static void require(Object value, String name, List<String> missing) {
        if (value == null) {
            missing.add(name);
        }
    }

    private static void requireText(String value, String name, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    private static void requireLines(List<String> lines, String name, List<String> missing) {
        if (lines.isEmpty() || lines.stream().anyMatch(line -> line == null || line.isBlank())) {
            missing.add(name);
        }
    }
}
