package com.justelegance.privacy.console.backend;

import java.util.List;

/**
 * A service answered with an error: its problem document (RFC 9457) as the service wrote it, or, when the service
 * could not be reached, a 503 saying which. The pages show {@link #message()}: the services never put personal
 * data in a problem's detail.
 *
 * @param fields the request fields the service named, if any
 */
public class BackendProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final List<String> fields;

    public BackendProblem(String service, int status, String title, String detail, List<String> fields) {
        super(service + " answered " + status + ": " + title);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The problem's title as the service gave it ("Case not found"): says which kind of refusal it was. */
    public String title() {
        return title;
    }

    public List<String> fields() {
        return fields;
    }

    /** What to tell the person using the page. */
    public String message() {
        if (status == 403) {
            return "Your role does not allow this (" + service + " refused it).";
        }
        if (status == 503 || status == 502 || status == 504) {
            return service + " cannot be reached just now. Nothing was changed; try again in a minute.";
        }
        return detail != null && !detail.isBlank() ? title + ": " + detail : title;
    }
}
