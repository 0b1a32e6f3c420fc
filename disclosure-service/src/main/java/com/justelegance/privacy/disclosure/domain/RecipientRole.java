package com.justelegance.privacy.disclosure.domain;

/** Whether a recipient processes data on the retailer's behalf or decides for itself what to do with it. */
public enum RecipientRole {
    PROCESSOR,
    INDEPENDENT_CONTROLLER,
    JOINT_CONTROLLER
}
