package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.RecipientCategory;
import com.justelegance.privacy.disclosure.domain.RecipientRole;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The registry of third parties that receive customers' data. */
@Path("/api/v1/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients")
@RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE})
public class RecipientResource {

    private final RecipientRepository recipients;

    public RecipientResource(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @GET
    @Operation(summary = "Every registered recipient")
    public List<RecipientView> all() {
        return recipients.allByCode().stream().map(RecipientResource::view).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One recipient by its code")
    public RecipientView one(@PathParam("code") String code) {
        return recipients.findByIdOptional(code).map(RecipientResource::view)
                .orElseThrow(() -> ProblemException.notFound("unknown-recipient",
                        "No recipient is registered with code " + code));
    }

    private static RecipientView view(com.justelegance.privacy.disclosure.domain.Recipient r) {
        return new RecipientView(r.code(), r.displayName(), r.category(), r.role(), r.country());
    }

    /** A recipient as the API shows it. */
    public record RecipientView(String code, String displayName, RecipientCategory category, RecipientRole role,
                                String country) {
    }
}
