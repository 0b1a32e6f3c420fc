package com.justelegance.privacy.console.staff;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The built-in sign-in page (the form posts to Quarkus' form authentication at {@code /console/j_security_check})
 * and signing out, which ends the session by expiring its cookie.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance signIn(boolean failed);
    }

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Path("/sign-in")
    public TemplateInstance signIn(@QueryParam("error") boolean failed) {
        return Templates.signIn(failed);
    }

    @POST
    @Path("/sign-out")
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/console").value("").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console/sign-in")).cookie(expired).build();
    }
}
