package com.justelegance.privacy.events;

/**
 * The payload of an event: a small, immutable, past-tense fact carrying codes and ids, never personal data.
 * The closed set of payloads is the event contract; {@link EventType} maps each to its name and topic.
 */
public sealed interface EventPayload
        permits OrderPlaced, CustomerContacted, AccountOpened, AccountClosed, ConsentChanged,
        ErasureRequested, ErasureCompleted, RectificationRequested, SubjectRequestOpened, SubjectRequestClosed,
        ProcessingRestricted, ProcessingRestrictionLifted {
}
