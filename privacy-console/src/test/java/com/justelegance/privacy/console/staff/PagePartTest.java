package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page part whose service refuses, is down or holds nothing says so instead of failing the page. */
class PagePartTest {

    @Test
    void anAnswerIsShown() {
        PagePart<String> part = PagePart.of(() -> "rules");
        assertTrue(part.available());
        assertEquals("rules", part.value());
    }

    @Test
    void aRefusalSaysTheRoleMayNot() {
        PagePart<String> part = PagePart.of(() -> {
            throw new BackendProblem("retention-service", 403, "Forbidden", null, null);
        });
        assertFalse(part.available());
        assertEquals("Your role does not allow this (retention-service refused it).", part.unavailable());
    }

    @Test
    void nothingHeldIsNotAFailure() {
        PagePart<String> part = PagePart.of(() -> {
            throw new BackendProblem("retention-service", 404, "Subject not found", null, null);
        });
        assertTrue(part.missing());
        assertNull(part.unavailable());
    }

    @Test
    void aServiceThatCannotBeReachedIsNotAvailable() {
        PagePart<String> part = PagePart.of(() -> {
            throw new ProcessingException("connection refused");
        });
        assertEquals("the service cannot be reached just now.", part.unavailable());
    }

    @Test
    void aPartTheRoleMayNotSeeIsNotAskedFor() {
        PagePart<String> part = PagePart.ifAllowed(false, () -> {
            throw new AssertionError("must not be called");
        });
        assertFalse(part.available());
    }

    @Test
    void thePreviewWindowIsAWholeNumberOfDaysInRange() {
        assertEquals(0, RetentionPage.previewDays(null));
        assertEquals(30, RetentionPage.previewDays("30"));
        assertEquals(0, RetentionPage.previewDays("-3"));
        assertEquals(0, RetentionPage.previewDays("ten"));
        assertEquals(RetentionPage.MAX_PREVIEW_DAYS, RetentionPage.previewDays("9999"));
    }
}
