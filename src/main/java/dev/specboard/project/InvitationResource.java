package dev.specboard.project;

import dev.specboard.account.AuthMechanism;
import dev.specboard.account.CurrentUser;
import dev.specboard.account.SessionService;
import dev.specboard.account.SignupForm;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An invitation link: the invited address's account accepts it logged in, or signs up through it with that address;
 * either way it joins the project. Another logged-in account is told the invitation is not for it and what to do.
 */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance invitation(InvitationService.InvitationView invitation, String username, SignupForm form,
                                                  FormErrors errors);
    }

    @Inject
    InvitationService invitations;

    @Inject
    CurrentUser currentUser;

    @Inject
    SessionService sessions;

    @GET
    public Response show(@PathParam("token") String token) {
        InvitationService.InvitationView v = view(token);
        SignupForm form = new SignupForm(v.email(), "", "", "");
        return Htmx.page(Templates.invitation(v, username(), form, FormErrors.none()), v.refusal() == null ? 200 : 410);
    }

    /** The accept and sign-up forms live on the invitation's page: a GET of their address (a refused sign-up, reloaded) opens it. */
    @GET
    @Path("{form: accept|signup}")
    public Response forms(@PathParam("token") String token) {
        return FormAddress.holder("/invitations/{token}", token);
    }

    @POST
    @Path("accept")
    public Response accept(@PathParam("token") String token, @Context HttpHeaders headers) {
        if (!currentUser.isLoggedIn()) {
            // The token is whatever the URL held: encoded as a path segment, then the whole path as a query value, it always makes a valid URI.
            String next = UriBuilder.fromPath("/invitations/{token}").build(token).toString();
            return Flash.redirect(headers, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), "Log in to accept the invitation.");
        }
        Project p;
        try {
            p = invitations.accept(token, currentUser.requireAccountId());
        } catch (ApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            // Another account than the invited address's: the page says whose it is and what to do; nothing changed.
            InvitationService.InvitationView v = view(token);
            return Htmx.page(Templates.invitation(v, username(), new SignupForm(v.email(), "", "", ""), FormErrors.none()), 403);
        }
        return Flash.redirect(headers, "/projects/" + p.slug, "Welcome to " + p.name + "!");
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signup(@PathParam("token") String token, @BeanParam SignupForm form, @Context HttpHeaders headers,
                           @Context HttpServerRequest request, @Context HttpServerResponse response) {
        try {
            InvitationService.Joined joined = invitations.signUp(token, form);
            response.addCookie(AuthMechanism.loginCookie(sessions.start(joined.account()), AuthMechanism.isSecure(request)));
            return Flash.redirect(headers, "/projects/" + joined.project().slug, "Welcome to Specboard and to " + joined.project().name
                    + ", " + joined.account().displayName() + "!");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.invitation(view(token), username(), form, e.errors()));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Htmx.page(Templates.invitation(view(token), username(), form, FormErrors.none()), e.status());
        }
    }

    private InvitationService.InvitationView view(String token) {
        return invitations.view(token, currentUser.isLoggedIn() ? currentUser.requireAccountId() : null);
    }

    private String username() {
        return currentUser.isLoggedIn() ? currentUser.getUsername() : null;
    }
}
