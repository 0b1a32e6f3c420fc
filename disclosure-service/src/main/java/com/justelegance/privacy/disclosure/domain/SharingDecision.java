package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.ConsentState;

/**
 * The answer to "may we share this subject's data with this recipient for this purpose?" for a recipient whose
 * sharing rests on consent. It fails closed: no consent known means no, and only GRANTED means yes (the rule of
 * {@code ConsentChanged.allowsProcessing()}); and while the subject's processing is restricted (Art. 18) the answer
 * is no whatever the consent says.
 *
 * @param consentState the subject's known state for the purpose, or null when none is known
 */
public record SharingDecision(boolean allowed, Reason reason, ConsentState consentState) {

    /** Why the answer is what it is. */
    public enum Reason {
        CONSENT_GRANTED,
        NO_CONSENT_KNOWN,
        CONSENT_NOT_GRANTED,
        /** The recipient is registered for another consent purpose than the one asked about. */
        PURPOSE_NOT_REGISTERED,
        /** The subject asked for their data to be only stored (Art. 18) and the restriction is not lifted yet. */
        RESTRICTED
    }

    /**
     * @param requiredPurpose the consent purpose the recipient is registered for
     * @param askedPurpose    the purpose the caller wants to share for
     * @param known           the subject's current state for {@code requiredPurpose}, or null
     * @param restricted      whether the subject's processing is restricted
     */
    public static SharingDecision decide(String requiredPurpose, String askedPurpose, ConsentState known,
                                         boolean restricted) {
        // A restriction refuses every share, so it is the answer even where another reason would also say no.
        if (restricted) {
            return new SharingDecision(false, Reason.RESTRICTED, known);
        }
        if (!requiredPurpose.equals(askedPurpose)) {
            return new SharingDecision(false, Reason.PURPOSE_NOT_REGISTERED, null);
        }
        if (known == null) {
            return new SharingDecision(false, Reason.NO_CONSENT_KNOWN, null);
        }
        if (known != ConsentState.GRANTED) {
            return new SharingDecision(false, Reason.CONSENT_NOT_GRANTED, known);
        }
        return new SharingDecision(true, Reason.CONSENT_GRANTED, known);
    }
}
