package com.justelegance.privacy.events.codes;

/** Why a customer account was closed. */
public enum AccountClosureReason {
    CUSTOMER_REQUEST,
    INACTIVITY,
    FRAUD_PREVENTION,
    ERASURE
}
