package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.ErasureReason;

/**
 * Every service holding data about the subject must erase it (or keep what an exception requires) and answer
 * with {@link ErasureCompleted} carrying the same requestId.
 *
 * @param requestId   identifies this erasure across services; receipts refer to it
 * @param reason      why erasure was requested
 * @param requestedBy the service that asked (dsr-service or retention-service)
 */
public record ErasureRequested(String requestId, ErasureReason reason, String requestedBy) implements EventPayload {

    public ErasureRequested {
        EventFieldRules.opaqueId(requestId, "requestId");
        EventFieldRules.required(reason, "reason");
        EventFieldRules.serviceName(requestedBy, "requestedBy");
    }
}
