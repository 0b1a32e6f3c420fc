package com.justelegance.privacy.console.centre;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;

import com.justelegance.privacy.console.backend.BackendProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The shoppers' privacy centre: public pages, no staff sign-in. A shopper reads their rights, makes a request and
 * confirms it with the code sent to the address on their account, downloads an access package, and signs in with a
 * one-time code to see and change their consent choices. The console holds nothing: dsr-service and consent-service
 * do the work, called with the privacy centre's own token. Every form carries a CSRF token; every public POST is
 * rate limited (SmallRye Fault Tolerance), a 429 page when exceeded.
 */
@Path("/privacy-centre")
@Produces(MediaType.TEXT_HTML)
@PermitAll // Public on purpose: shoppers have no staff account; what they may do is bounded by the centre's role.
public class PrivacyCentrePages {

    private static final Logger LOG = Logger.getLogger(PrivacyCentrePages.class);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The rights a shopper can choose on the form, in the order shown, with their words. */
    static final Map<String, String> RIGHTS = rights();

    @Location("centre/home.html")
    Template home;
    @Location("centre/newRequest.html")
    Template newRequest;
    @Location("centre/request.html")
    Template requestPage;
    @Location("centre/signIn.html")
    Template signIn;
    @Location("centre/signInCode.html")
    Template signInCode;
    @Location("centre/preferences.html")
    Template preferences;
    @Location("centre/problem.html")
    Template problem;

    @RestClient
    CentreDsrApi dsr;
    @RestClient
    CentreConsentApi consent;
    @RestClient
    CentreDownloadApi downloads;
    /** The request being answered: whether it came over TLS decides the session cookie's Secure flag, and its
     * client's address counts against {@link ClientRateLimits}. */
    @Inject
    HttpServerRequest request;
    @Inject
    ClientRateLimits clients;

    final ShopperSessions sessions;
    final String policyVersion;

    /** Served over TLS, directly or behind a proxy whose X-Forwarded-Proto the console trusts. */
    private boolean overTls() {
        return "https".equals(request.scheme());
    }

    public PrivacyCentrePages(ShopperSessions sessions,
                              @ConfigProperty(name = "console.centre.policy-version") String policyVersion) {
        this.sessions = sessions;
        this.policyVersion = policyVersion;
    }

    @GET
    public TemplateInstance home() {
        return home.data("rights", RIGHTS);
    }

    // ---- Requests ----

    @GET
    @Path("/requests/new")
    public TemplateInstance newRequestForm() {
        return requestForm(Map.of(), null, List.of());
    }

    @POST
    @Path("/requests/new")
    @RateLimit(value = 600, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response openRequest(@RestForm String type, @RestForm String email, @RestForm String name,
                                @RestForm String message) {
        clients.admit(request);
        Map<String, String> form = new HashMap<>();
        form.put("type", type == null ? "" : type);
        form.put("email", email == null ? "" : email);
        form.put("name", name == null ? "" : name);
        form.put("message", message == null ? "" : message);
        List<String> missing = new ArrayList<>();
        if (type == null || !RIGHTS.containsKey(type)) {
            missing.add("type");
        }
        if (email == null || email.isBlank()) {
            missing.add("email");
        }
        if (!missing.isEmpty()) {
            return Response.status(400).entity(requestForm(form, "Choose a right and give your e-mail address.",
                    missing)).build();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("email", email.strip());
        body.put("name", name == null || name.isBlank() ? null : name.strip());
        body.put("message", message == null || message.isBlank() ? null : message);
        try {
            Map<String, Object> opened = dsr.open(body);
            return Response.seeOther(URI.create("/privacy-centre/requests/" + opened.get("id"))).build();
        } catch (BackendProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(requestForm(form, "Check the fields marked below: "
                    + String.join(", ", fieldNames(refused.fields())) + ".", refused.fields())).build();
        }
    }

    @GET
    @Path("/requests/{id}")
    public TemplateInstance request(@PathParam("id") UUID id) {
        return requestView(dsr.request(id), null);
    }

    @POST
    @Path("/requests/{id}/identity-code")
    @RateLimit(value = 600, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response confirmCode(@PathParam("id") UUID id, @RestForm String code) {
        clients.admit(request);
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return Response.status(400).entity(requestView(dsr.request(id),
                    "Enter the 6-digit code from the e-mail we sent you.")).build();
        }
        try {
            dsr.confirmCode(id, Map.of("code", code.strip()));
            return Response.seeOther(URI.create("/privacy-centre/requests/" + id)).build();
        } catch (BackendProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            return Response.status(400).entity(requestView(dsr.request(id), "That code was not accepted. "
                    + refused.message())).build();
        }
    }

    @GET
    @Path("/access-packages/{token}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf"})
    public Response accessPackage(@PathParam("token") String token, @QueryParam("format") String format,
                                  @HeaderParam("Accept") String accept) {
        try (Response upstream = downloads.download(token, format, accept)) {
            byte[] content = upstream.readEntity(byte[].class);
            Response.ResponseBuilder answer = Response.ok(content, upstream.getMediaType())
                    .header("Cache-Control", "no-store");
            String disposition = upstream.getHeaderString("Content-Disposition");
            if (disposition != null) {
                answer.header("Content-Disposition", disposition);
            }
            return answer.build();
        }
    }

    // ---- Preferences ----

    @GET
    @Path("/preferences/sign-in")
    public Response signInForm(@CookieParam(ShopperSessions.COOKIE) String session) {
        if (sessions.subjectOf(session).isPresent()) {
            return Response.seeOther(URI.create("/privacy-centre/preferences")).build();
        }
        return Response.ok(signIn.data("email", "").data("error", null)).build();
    }

    @POST
    @Path("/preferences/sign-in")
    @RateLimit(value = 600, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response sendSignInCode(@RestForm String email) {
        clients.admit(request);
        if (email == null || email.isBlank()) {
            return Response.status(400).entity(signIn.data("email", "")
                    .data("error", "Enter the e-mail address of your account.")).build();
        }
        try {
            dsr.sendSignInCode(Map.of("email", email.strip()));
        } catch (BackendProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(signIn.data("email", email)
                    .data("error", "Enter an e-mail address, like name@example.com.")).build();
        }
        return Response.ok(signInCode.data("email", email.strip()).data("error", null)).build();
    }

    @POST
    @Path("/preferences/sign-in/code")
    @RateLimit(value = 600, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response signInWithCode(@RestForm String email, @RestForm String code,
                                   @HeaderParam("Sec-GPC") String gpc) {
        clients.admit(request);
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || code == null || !code.strip().matches("[0-9]{6}")) {
            return Response.status(400).entity(signInCode.data("email", address)
                    .data("error", "Enter the 6-digit code from the e-mail we sent you.")).build();
        }
        String subjectId;
        try {
            subjectId = String.valueOf(dsr.signIn(Map.of("email", address, "code", code.strip()))
                    .get("subjectId"));
        } catch (BackendProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(signInCode.data("email", address)
                    .data("error", "That code was not accepted. " + refused.message())).build();
        }
        if (signalsGpc(gpc)) {
            // Global Privacy Control: the browser says "do not sell or share"; consent-service opts the
            // sale-or-sharing purposes out when it sees the signal.
            consent.decide(subjectId, "1", decision(List.of()));
        }
        return Response.seeOther(URI.create("/privacy-centre/preferences")).cookie(sessions.start(subjectId, overTls())).build();
    }

    @GET
    @Path("/preferences")
    public Response preferencesPage(@CookieParam(ShopperSessions.COOKIE) String session,
                                    @HeaderParam("Sec-GPC") String gpc, @QueryParam("saved") boolean saved) {
        Optional<String> subject = sessions.subjectOf(session);
        if (subject.isEmpty()) {
            return signedOut();
        }
        return Response.ok(preferences.data("purposes", purposesWithChoices(subject.get()))
                .data("gpc", signalsGpc(gpc)).data("saved", saved).data("error", null)).build();
    }

    @POST
    @Path("/preferences")
    @RateLimit(value = 600, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response savePreferences(@CookieParam(ShopperSessions.COOKIE) String session,
                                    @HeaderParam("Sec-GPC") String gpc, MultivaluedMap<String, String> form) {
        clients.admit(request);
        Optional<String> subject = sessions.subjectOf(session);
        if (subject.isEmpty()) {
            return signedOut();
        }
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Map<String, Object> purpose : purposesWithChoices(subject.get())) {
            String code = String.valueOf(purpose.get("code"));
            String chosen = form.getFirst("purpose-" + code);
            if (chosen == null) {
                continue;
            }
            boolean allow = "granted".equals(chosen);
            if (allow == Boolean.TRUE.equals(purpose.get("granted"))) {
                continue; // unchanged: nothing to record
            }
            String state = allow ? "GRANTED" : "GRANTED".equals(purpose.get("state")) ? "WITHDRAWN" : "DENIED";
            choices.add(Map.of("purpose", code, "state", state));
        }
        if (!choices.isEmpty()) {
            consent.decide(subject.get(), signalsGpc(gpc) ? "1" : null, decision(choices));
        }
        return Response.seeOther(URI.create("/privacy-centre/preferences?saved=true")).build();
    }

    @POST
    @Path("/preferences/sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/privacy-centre")).cookie(sessions.end(overTls())).build();
    }

    // ---- Errors: the centre's own pages, never the staff console's ----

    @ServerExceptionMapper
    public Response tooMany(RateLimitException e) {
        return page(429, "Too many attempts just now. Please wait a minute and try again.")
                .header("Retry-After", "60").build();
    }

    @ServerExceptionMapper
    public Response refused(BackendProblem problem) {
        if (problem.status() == 404) {
            return page(404, "We cannot find this page. Check the link in our e-mail.").build();
        }
        if (problem.status() == 410) {
            return page(410, "This download link has expired or was used too many times. Contact us for a "
                    + "new one.").build();
        }
        LOG.warnf("The privacy centre got %d from %s", problem.status(), problem.service());
        return page(503, "Our privacy service cannot be reached just now. Nothing was changed; please try again "
                + "in a few minutes.").build();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.warnf("A service could not be reached: %s", failure.getClass().getSimpleName());
        return page(503, "Our privacy service cannot be reached just now. Nothing was changed; please try again "
                + "in a few minutes.").build();
    }

    // ---- Helpers ----

    private Response.ResponseBuilder page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(problem.data("status", status).data("message", message));
    }

    private Response signedOut() {
        return Response.seeOther(URI.create("/privacy-centre/preferences/sign-in")).cookie(sessions.end(overTls())).build();
    }

    private TemplateInstance requestForm(Map<String, String> form, String error, List<String> fields) {
        return newRequest.data("rights", RIGHTS).data("form", form).data("error", error).data("fields", fields);
    }

    private TemplateInstance requestView(Map<String, Object> request, String error) {
        Object due = request.get("dueOn");
        return requestPage.data("request", request)
                .data("awaitingCode", "AWAITING_IDENTITY".equals(request.get("status")))
                .data("statusInWords", statusInWords(String.valueOf(request.get("status"))))
                .data("typeInWords", RIGHTS.getOrDefault(String.valueOf(request.get("type")), "Your request"))
                .data("dueOn", due == null ? null : UK_DATE.format(LocalDate.parse(due.toString())))
                .data("error", error);
    }

    /** The catalogue's purposes, each with the shopper's current state and whether it is currently allowed. */
    private List<Map<String, Object>> purposesWithChoices(String subjectId) {
        Map<String, String> states = new HashMap<>();
        for (Map<String, Object> current : consent.consents(subjectId)) {
            states.put(String.valueOf(current.get("purpose")), String.valueOf(current.get("state")));
        }
        List<Map<String, Object>> purposes = new ArrayList<>();
        for (Map<String, Object> purpose : consent.purposes()) {
            String code = String.valueOf(purpose.get("code"));
            String state = states.get(code);
            // With no decision, a legitimate-interest purpose goes ahead until the shopper objects; consent does not.
            boolean granted = state == null ? "LEGITIMATE_INTEREST".equals(purpose.get("lawfulBasis"))
                    : state.equals("GRANTED");
            Map<String, Object> row = new LinkedHashMap<>(purpose);
            row.put("state", state);
            row.put("granted", granted);
            purposes.add(row);
        }
        return purposes;
    }

    private Map<String, Object> decision(List<Map<String, Object>> choices) {
        return Map.of("choices", choices, "policyVersion", policyVersion, "source", "PRIVACY_CENTRE",
                "method", "SAVE");
    }

    private static boolean signalsGpc(String header) {
        return header != null && header.strip().equals("1");
    }

    private static List<String> fieldNames(List<String> fields) {
        return fields.stream().map(field -> switch (field) {
            case "type" -> "the right";
            case "email" -> "e-mail address";
            case "name" -> "name";
            case "message" -> "details";
            default -> field.replaceAll(".*\\.", "");
        }).toList();
    }

    private static String statusInWords(String status) {
        return switch (status) {
            case "RECEIVED" -> "Received";
            case "AWAITING_IDENTITY" -> "Waiting for you to confirm who you are";
            case "AWAITING_CLARIFICATION" -> "Waiting for more detail from you";
            case "IN_PROGRESS", "AWAITING_OTHER_SERVICES" -> "In progress";
            case "COMPLETED" -> "Completed";
            case "PARTIALLY_COMPLETED" -> "Completed in part";
            case "REFUSED" -> "Refused";
            case "WITHDRAWN" -> "Withdrawn";
            default -> status;
        };
    }

    private static Map<String, String> rights() {
        Map<String, String> rights = new LinkedHashMap<>();
        rights.put("ACCESS", "See the personal data we hold about you (access)");
        rights.put("PORTABILITY", "Get a copy of your data to take to another company (portability)");
        rights.put("RECTIFICATION", "Correct data that is wrong or incomplete (correction)");
        rights.put("ERASURE", "Delete your data (erasure)");
        rights.put("RESTRICTION", "Stop us using your data for now (restriction)");
        rights.put("OBJECTION", "Object to how we use your data, such as for marketing (objection)");
        rights.put("CONSENT_WITHDRAWAL", "Withdraw consent you gave us (withdrawal of consent)");
        return java.util.Collections.unmodifiableMap(rights);
    }

}
