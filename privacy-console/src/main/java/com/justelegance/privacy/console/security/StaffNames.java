package com.justelegance.privacy.console.security;

import java.util.regex.Pattern;

/** Staff names as the services accept them (an assignee, an actor): letters, digits and {@code . _ @ -}. */
public final class StaffNames {

    public static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");

    private StaffNames() {
    }

    /** The name, for a log line, when it is a valid staff name; otherwise a placeholder (it may be anything typed). */
    public static String loggable(String name) {
        return name != null && VALID.matcher(name).matches() && !name.contains("@") ? name : "(not a staff name)";
    }
}
