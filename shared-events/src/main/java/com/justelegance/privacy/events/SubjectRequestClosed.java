package com.justelegance.privacy.events;

/**
 * dsr-service closed a data-subject request (answered, refused or withdrawn): it no longer holds the subject's
 * data in place.
 *
 * @param requestId the id {@link SubjectRequestOpened} carried
 */
public record SubjectRequestClosed(String requestId) implements EventPayload {

    public SubjectRequestClosed {
        EventFieldRules.opaqueId(requestId, "requestId");
    }
}
