package com.justelegance.privacy.retention.domain;

/** What happens to a category's records when their retention period ends. */
public enum RetentionAction {
    ERASE,
    ANONYMISE
}
