package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.DataCategory;

import java.util.List;

/**
 * A data-subject request corrected some of the subject's data; recipients of those categories must be told
 * (UK GDPR Art. 19). Carries the categories, never the corrected values.
 *
 * @param requestId  the dsr-service request that made the correction
 * @param categories the data categories that were corrected
 */
public record RectificationRequested(String requestId, List<DataCategory> categories) implements EventPayload {

    public RectificationRequested {
        EventFieldRules.opaqueId(requestId, "requestId");
        categories = EventFieldRules.listOf(categories, "categories");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categories must name at least one data category");
        }
    }
}
