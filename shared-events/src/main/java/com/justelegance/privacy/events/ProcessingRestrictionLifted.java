package com.justelegance.privacy.events;

/**
 * dsr-service lifted the restriction a {@link ProcessingRestricted} with the same request id put on a subject's
 * data: the services may process it again as before.
 *
 * @param requestId the id the restriction carried
 */
public record ProcessingRestrictionLifted(String requestId) implements EventPayload {

    public ProcessingRestrictionLifted {
        EventFieldRules.opaqueId(requestId, "requestId");
    }
}
