package com.justelegance.privacy.events.codes;

/** The payment processors named in the privacy policy. */
public enum PaymentProvider {
    WORLDPAY,
    PAYPAL
}
