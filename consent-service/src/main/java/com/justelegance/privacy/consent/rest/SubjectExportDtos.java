package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.service.ConsentReceipts;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The response body of the subject export API. */
public final class SubjectExportDtos {

    private SubjectExportDtos() {
    }

    /**
     * The subject's data.
     *
     * @param suppressedChannels channels on which the subject's identifiers are on the suppression list (the
     *                           identifiers are held only as keyed hashes, so they cannot be shown)
     * @param knownOrders        order ids the storefront reported, held so that soft opt-ins can name them
     * @param restrictions       the restrictions of processing (Art. 18) dsr-service put on the subject, lifted
     *                           ones too
     */
    public record SubjectExport(String subjectId, Instant exportedAt,
                                List<ConsentDtos.CurrentConsentView> currentConsents,
                                List<ConsentDtos.DecisionView> history, List<ConsentReceipts.Receipt> receipts,
                                Set<Channel> suppressedChannels, List<String> knownOrders,
                                List<RestrictionView> restrictions) {
    }

    /** A restriction of processing: the request that asked for it, since when, and when it was lifted (or null). */
    public record RestrictionView(String requestId, Instant restrictedAt, Instant liftedAt) {

        static RestrictionView of(SubjectRestrictions.Restriction restriction) {
            return new RestrictionView(restriction.requestId(), restriction.restrictedAt(), restriction.liftedAt());
        }
    }
}
