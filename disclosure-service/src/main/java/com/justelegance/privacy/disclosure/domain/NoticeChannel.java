package com.justelegance.privacy.disclosure.domain;

/** How a recipient takes erasure and rectification notices. Only {@code API} is delivered by the service itself. */
public enum NoticeChannel {
    /** An HTTP endpoint the service posts the notice to, retrying with back-off. */
    API,
    /** An address a person e-mails the notice to. */
    EMAIL,
    /** A web portal a person submits the notice through. */
    PORTAL,
    /** No channel: a person decides how to tell the recipient, or records why it cannot be done. */
    NONE;

    /** Whether the service delivers notices itself; otherwise each notice is a task for a person. */
    public boolean deliveredByService() {
        return this == API;
    }
}
