package com.justelegance.privacy.kit.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The text every service accepts: ordinary writing in any script, never control characters or broken Unicode. */
class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Order confirmation e-mails", "Zoë's café, Łódź — 東京", "line one\nline two\r\n\tindented",
            "emoji \uD83D\uDE00 stays", ""})
    void ordinaryTextInAnyScriptIsAccepted(String text) {
        assertThat(TextRules.violation(text), equalTo(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul \u0000 inside", "\u0007bell", "escape \u001b[31m", "delete \u007f", "c1 \u0085 next line"})
    void controlCharactersAreRefused(String text) {
        assertThat(TextRules.violation(text), equalTo(Optional.of("must not contain control characters")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone high \uD83D", "lone low \uDE00 here", "\uDE00\uD83D reversed"})
    void unpairedSurrogatesAreRefused(String text) {
        assertThat(TextRules.violation(text), equalTo(Optional.of("must be valid Unicode text")));
    }

    @Test
    void textLongerThanTheCeilingIsRefusedAndTheCeilingItselfAccepted() {
        assertThat(TextRules.violation("x".repeat(TextRules.MAX_LENGTH)), equalTo(Optional.empty()));
        assertThat(TextRules.violation("x".repeat(TextRules.MAX_LENGTH + 1)),
                equalTo(Optional.of("must be at most 10000 characters")));
    }
}
