package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.CaseDtos.CaseView;
import com.justelegance.privacy.dsr.rest.CaseDtos.ErasureView;
import com.justelegance.privacy.dsr.service.CaseErasures;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Carrying out an erasure request across the services, following its receipts, and its certificate. */
@Path("/api/v1/requests/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class CaseErasureResource {

    private final CaseErasures erasures;
    private final SecurityIdentity identity;

    public CaseErasureResource(CaseErasures erasures, SecurityIdentity identity) {
        this.erasures = erasures;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Ask every participant to erase the case's subject; the case waits for their receipts and "
            + "closes by itself when the last one is in")
    @APIResponse(responseCode = "200", description = "The case, awaiting the other services")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: the "
            + "case is not an erasure request, its subject is not resolved, or it is waiting for the requester or "
            + "already erasing")
    public CaseView request(@PathParam("id") UUID id) {
        return CaseView.of(erasures.request(id, identity.getPrincipal().getName()));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The case's erasure: each participant's receipt (what it erased, what it kept, why and "
            + "until when), who has not answered yet, and whether that is overdue")
    @APIResponse(responseCode = "200", description = "The erasure")
    @APIResponse(responseCode = "404", description = "erasure-not-requested: no erasure was requested for this case")
    public ErasureView status(@PathParam("id") UUID id) {
        return erasures.status(id).map(ErasureView::of)
                .orElseThrow(() -> new ProblemException(DsrProblem.ERASURE_NOT_REQUESTED,
                        "No erasure was requested for case " + id));
    }

    @GET
    @Path("/certificate")
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The signed erasure certificate the erasure ended with, as issued; anyone can check it at "
            + "POST /api/v1/erasure-certificates/verification or with the keys at "
            + "/api/v1/erasure-certificates/signing-keys")
    @APIResponse(responseCode = "200", description = "The signed certificate")
    @APIResponse(responseCode = "404", description = "certificate-not-issued: the erasure has not completed")
    public Response certificate(@PathParam("id") UUID id) {
        return erasures.certificate(id).map(document -> Response.ok(document, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(DsrProblem.CERTIFICATE_NOT_ISSUED,
                        "No erasure certificate was issued for case " + id + " (yet)"));
    }
}
