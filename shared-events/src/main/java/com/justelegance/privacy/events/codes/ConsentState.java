package com.justelegance.privacy.events.codes;

/** The state of a person's choice for one purpose. Only {@code GRANTED} allows processing that needs consent. */
public enum ConsentState {
    GRANTED,
    DENIED,
    WITHDRAWN,
    OBJECTED
}
