package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;

/**
 * The customer contacted the Customer Contact Centre. Moves the subject's last contact; an open complaint holds
 * erasure until a later contact reports it resolved.
 *
 * @param contactId       the contact centre's opaque id for this interaction
 * @param channel         how the customer got in touch
 * @param reason          what it was about
 * @param complaintStatus NONE, or the status of the complaint this contact concerns
 * @param complaintId     the complaint's opaque id; required unless complaintStatus is NONE
 */
public record CustomerContacted(String contactId, ContactChannel channel, ContactReason reason,
                                ComplaintStatus complaintStatus, String complaintId) implements EventPayload {

    public CustomerContacted {
        EventFieldRules.opaqueId(contactId, "contactId");
        EventFieldRules.required(channel, "channel");
        EventFieldRules.required(reason, "reason");
        EventFieldRules.required(complaintStatus, "complaintStatus");
        if (complaintStatus == ComplaintStatus.NONE) {
            EventFieldRules.optionalOpaqueId(complaintId, "complaintId");
        } else {
            EventFieldRules.opaqueId(complaintId, "complaintId");
        }
    }
}
