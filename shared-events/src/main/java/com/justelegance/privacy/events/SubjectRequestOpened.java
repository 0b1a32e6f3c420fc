package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.SubjectRequestType;

/**
 * dsr-service opened a data-subject request. While it is open the subject's data must stay as it is: the
 * retention job does not purge a subject with an open request. Ends with {@link SubjectRequestClosed}.
 *
 * @param requestId   dsr-service's id of the request
 * @param requestType what the person asked for
 */
public record SubjectRequestOpened(String requestId, SubjectRequestType requestType) implements EventPayload {

    public SubjectRequestOpened {
        EventFieldRules.opaqueId(requestId, "requestId");
        EventFieldRules.required(requestType, "requestType");
    }
}
