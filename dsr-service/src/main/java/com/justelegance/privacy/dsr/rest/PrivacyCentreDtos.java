package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Bodies of {@link PrivacyCentreResource}: what a shopper sends from the privacy centre, and what they may see. */
public final class PrivacyCentreDtos {

    private PrivacyCentreDtos() {
    }

    /** A request a shopper makes on the privacy centre's form. */
    public record ShopperRequest(@NotNull SubjectRequestType type, @NotBlank @Email @Size(max = 254) String email,
                                 @Size(max = 200) String name, @Size(max = 10_000) String message) {
    }

    /** The one-time code a shopper was sent, typed into the privacy centre. */
    public record ShopperCode(@NotNull @Pattern(regexp = "^\\s*[0-9]{6}\\s*$") String code) {
    }

    /** An address to send a sign-in code to. */
    public record SignInCodeRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** An address and the code sent to it. */
    public record SignInRequest(@NotBlank @Email @Size(max = 254) String email,
                                @NotNull @Pattern(regexp = "^\\s*[0-9]{6}\\s*$") String code) {
    }

    /** The same answer whether or not a customer has the address: nobody learns who is a customer. */
    public record SignInCodeSent(String message) {

        static final SignInCodeSent ALWAYS = new SignInCodeSent("If we know this e-mail address, we have sent a "
                + "sign-in code to the address on the customer's account. It works for 15 minutes.");
    }

    /** A shopper signed in: the customer (the storefront's opaque id) whose choices they may see and change. */
    public record SignedIn(@Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
    }

    /**
     * A request as the shopper sees it: no personal data, no trail, no staff names.
     *
     * @param dueOn   null while we wait for the shopper to confirm who they are (the month starts when they do)
     * @param outcome how the request ended ({@code COMPLETED}, {@code REFUSED}...), null while it is open
     */
    public record ShopperRequestView(UUID id, String reference, SubjectRequestType type, CaseStatus status,
                                     LocalDate receivedOn, LocalDate dueOn, boolean closed, CaseStatus outcome) {

        static ShopperRequestView of(RequestCase c) {
            boolean closed = !c.status().open();
            return new ShopperRequestView(c.id(), c.reference(), c.type(), c.status(), c.receivedOn(),
                    closed ? null : c.dueOn(), closed, closed ? c.status() : null);
        }
    }
}
