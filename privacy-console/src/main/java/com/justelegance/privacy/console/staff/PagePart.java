package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.ProcessingException;

import java.util.function.Supplier;

/**
 * One part of a page drawn from one service call: its value, or why it is not there. A page shows several services'
 * answers side by side, and one service refusing the role or being down must not take the whole page with it: that
 * part says "not available" and the rest is shown.
 *
 * @param value       the service's answer, or null
 * @param missing     the service answered 404: it holds nothing of this (no timeline for a subject, say)
 * @param unavailable why the part cannot be shown (a refusal, a service down), or null
 */
@TemplateData
public record PagePart<T>(T value, boolean missing, String unavailable) {

    /** Calls the service; a refusal or an unreachable service becomes a part that says so. */
    public static <T> PagePart<T> of(Supplier<T> call) {
        try {
            return new PagePart<>(call.get(), false, null);
        } catch (BackendProblem problem) {
            if (problem.status() == 404) {
                return new PagePart<>(null, true, null);
            }
            return new PagePart<>(null, false, problem.message());
        } catch (ProcessingException unreachable) {
            return new PagePart<>(null, false, "the service cannot be reached just now.");
        }
    }

    /** Calls the service only when the role may see the part; otherwise the part is simply not there. */
    public static <T> PagePart<T> ifAllowed(boolean allowed, Supplier<T> call) {
        return allowed ? of(call) : new PagePart<>(null, false, "your role does not see this.");
    }

    /** Whether the service answered with something to show. */
    public boolean available() {
        return value != null;
    }
}
