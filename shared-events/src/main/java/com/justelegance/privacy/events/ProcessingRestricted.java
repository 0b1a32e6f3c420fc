package com.justelegance.privacy.events;

/**
 * dsr-service restricted the processing of a subject's data (Art. 18): the data is kept as it is, and used for
 * nothing but storage until {@link ProcessingRestrictionLifted} names the same request. Retention does not purge
 * the subject, disclosure shares nothing new and tells earlier recipients (Art. 19), consent allows no marketing.
 *
 * @param requestId dsr-service's id of the request that asked for the restriction
 */
public record ProcessingRestricted(String requestId) implements EventPayload {

    public ProcessingRestricted {
        EventFieldRules.opaqueId(requestId, "requestId");
    }
}
