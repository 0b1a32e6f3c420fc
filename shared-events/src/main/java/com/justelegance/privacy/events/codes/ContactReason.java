package com.justelegance.privacy.events.codes;

/** Why a customer contacted the retailer. */
public enum ContactReason {
    ORDER_QUERY,
    RETURN_OR_REFUND,
    COMPLAINT,
    WEBSITE_ISSUE,
    ACCOUNT_QUERY,
    OTHER
}
