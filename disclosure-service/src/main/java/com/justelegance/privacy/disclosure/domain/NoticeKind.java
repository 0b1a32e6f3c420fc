package com.justelegance.privacy.disclosure.domain;

/** What an Art. 19 notice tells the recipient. */
public enum NoticeKind {
    ERASURE,
    RECTIFICATION
}
