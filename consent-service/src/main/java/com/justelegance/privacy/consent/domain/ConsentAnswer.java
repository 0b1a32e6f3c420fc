package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.time.Instant;

/**
 * Whether a subject may be processed for a purpose now, on which basis, since when, and if not, why not.
 *
 * <p>A consent purpose needs a current grant. A legitimate-interest purpose is allowed until the person opts out
 * (objects, withdraws or refuses), except for a subject who was erased. While the subject's processing is
 * restricted (Art. 18) nothing is allowed, whatever the subject chose; lifting the restriction restores the answer.
 */
public record ConsentAnswer(boolean allowed, LawfulBasis basis, Instant since, RefusalReason reason) {

    private static final ConsentAnswer ERASED = new ConsentAnswer(false, null, null, RefusalReason.SUBJECT_ERASED);

    /**
     * @param purposeBasis the basis the catalogue gives the purpose
     * @param state        the subject's current state for it, or null when they never decided
     * @param stateBasis   the basis the current state rests on (soft opt-in, consent...), or null
     * @param since        when the current state began, or null
     */
    public static ConsentAnswer evaluate(LawfulBasis purposeBasis, ConsentState state, LawfulBasis stateBasis,
                                         Instant since) {
        if (state == null) {
            return purposeBasis == LawfulBasis.LEGITIMATE_INTEREST
                    ? new ConsentAnswer(true, LawfulBasis.LEGITIMATE_INTEREST, null, null)
                    : new ConsentAnswer(false, null, null, RefusalReason.NO_CONSENT);
        }
        return switch (state) {
            case GRANTED -> new ConsentAnswer(true, stateBasis, since, null);
            case DENIED -> new ConsentAnswer(false, null, since, RefusalReason.DENIED);
            case WITHDRAWN -> new ConsentAnswer(false, null, since, RefusalReason.WITHDRAWN);
            case OBJECTED -> new ConsentAnswer(false, null, since, RefusalReason.OBJECTED);
        };
    }

    /** Whether this answer rests on nothing recorded, so an erased subject must be told apart. */
    public boolean restsOnNoRecord() {
        return allowed && since == null;
    }

    public static ConsentAnswer erased() {
        return ERASED;
    }

    /** Not allowed for any purpose while a restriction of processing is in force, since it began. */
    public static ConsentAnswer restricted(Instant since) {
        return new ConsentAnswer(false, null, since, RefusalReason.RESTRICTED);
    }
}
