package com.justelegance.privacy.kit.input;

import java.util.Optional;

/**
 * What text every service accepts, in a body, a path or a query: no control characters other than tab and line
 * breaks (PostgreSQL cannot store NUL, and the others only ever hide what a text really says), no unpaired UTF-16
 * surrogates (they cannot be stored as UTF-8), and at most {@link #MAX_LENGTH} characters. A field may set a
 * tighter bound with {@code @Size}; this is the ceiling for the fields that do not.
 *
 * <p>Refusals name the rule, never the text: the text may be personal data.
 */
public final class TextRules {

    /** The longest text any field accepts. Long enough for a policy paragraph, short enough to store anywhere. */
    public static final int MAX_LENGTH = 10_000;

    private TextRules() {
    }

    /** Why {@code text} is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text");
            }
        }
        return Optional.empty();
    }
}
