package com.justelegance.privacy.dsr.domain;

/**
 * Who made a request and what they wrote: personal data, so a case keeps it only encrypted under the case's key.
 * Any field may be null; a request names at least one way to reach or find the person.
 *
 * @param customerNumber the storefront's customer number, if the requester gave it
 * @param message        the request in the requester's words (a mail's subject and body, a form's text, staff's
 *                       note of a call)
 */
public record Requester(String name, String email, String phone, String customerNumber, String postalAddress,
                        String message) {
}
