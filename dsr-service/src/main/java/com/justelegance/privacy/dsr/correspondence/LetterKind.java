package com.justelegance.privacy.dsr.correspondence;

/**
 * The letters a data-subject request can need, from the acknowledgement to the answer. Each has its plain-text
 * template ({@code templates/letters/<kind>.txt}) and states the case reference, the request type in words, the
 * date the request was received and the date it is due.
 */
public enum LetterKind {

    /** We have the request; what happens next and by when. */
    ACKNOWLEDGEMENT("We have received your request"),
    /** Please confirm who you are: a one-time code and when it expires. */
    IDENTITY_REQUEST("Please confirm your identity"),
    /** What is unclear in the request; the clock stops until the answer. */
    CLARIFICATION_REQUEST("We need more detail about your request"),
    /** We need up to two more months: why, and the new due date. */
    EXTENSION_NOTICE("We need more time to answer your request"),
    /** Done: the download link, the erasure certificate, or what was done. */
    COMPLETION("Your request is complete"),
    /** Done in part: what was withheld and why. */
    PARTIAL_COMPLETION("Your request: what we have done and what we have withheld"),
    /** We will not act on the request: why, and the right to complain to the ICO and to a court. */
    REFUSAL("We cannot carry out your request"),
    /** The restriction a request put on the person's data is lifted: why (Art. 18(3) says they must be told). */
    RESTRICTION_LIFTED("We are lifting the restriction on your personal data");

    private final String subjectLine;

    LetterKind(String subjectLine) {
        this.subjectLine = subjectLine;
    }

    /** The e-mail subject for a case: the kind's line and the case reference, so replies keep it. */
    public String subject(String caseReference) {
        return subjectLine + " (ref " + caseReference + ")";
    }
}
