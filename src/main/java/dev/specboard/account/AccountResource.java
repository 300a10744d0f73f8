package dev.specboard.account;

import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.OutgoingMail;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The account page: profile, password, logins and API tokens. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance account(AccountView page);

        static native TemplateInstance account$tokens(AccountView page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProfileService profiles;

    @Inject
    ApiTokenService tokens;

    @Inject
    ProjectMemberships memberships;

    @Inject
    SessionService sessions;

    @Inject
    OutgoingMail mail;

    @GET
    public Response show() {
        return Htmx.page(Templates.account(page(null, FormErrors.none(), null, FormErrors.none(), TokenForm.empty(), FormErrors.none(), "")));
    }

    /** Every form of the account page posts to an address of its own: a GET of one (a refused form, reloaded) opens the page. */
    @GET
    @Path("{form: profile|notifications|password|logout-everywhere|tokens}")
    public Response forms() {
        return FormAddress.holder("/account");
    }

    @GET
    @Path("tokens/{id}/revoke")
    public Response revokeForm() {
        return forms();
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateProfile(@BeanParam ProfileForm form, @Context HttpHeaders headers,
                                  @Context HttpServerRequest request, @Context HttpServerResponse response) {
        try {
            boolean emailChanged = profiles.updateProfile(currentUser.requireAccountId(), form);
            if (emailChanged) {
                newLogin(request, response);
            }
            return Flash.redirect(headers, "/account", emailChanged
                    ? "Profile saved. Your email changed, so your other logins are ended." : "Profile saved.");
        } catch (ValidationException e) {
            return invalid(e, page(form, e.errors(), null, FormErrors.none(), TokenForm.empty(), FormErrors.none(), ""));
        }
    }

    /** Turns the mailing of new notifications on (the box ticked) or off. */
    @POST
    @Path("notifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateNotificationSettings(@FormParam("emailNotifications") String emailNotifications, @Context HttpHeaders headers) {
        boolean on = profiles.setEmailNotifications(currentUser.requireAccountId(), "true".equals(emailNotifications));
        return Flash.redirect(headers, "/account", on ? "New notifications will be mailed to you too." : "Notifications are no longer mailed to you.");
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam PasswordForm form, @Context HttpHeaders headers,
                                   @Context HttpServerRequest request, @Context HttpServerResponse response) {
        try {
            int revoked = profiles.changePassword(currentUser.requireAccountId(), form);
            newLogin(request, response);
            return Flash.redirect(headers, "/account", "Password changed; your other logins are ended"
                    + (revoked == 0 ? "." : " and " + revoked + (revoked == 1 ? " API token" : " API tokens") + " revoked."));
        } catch (ValidationException e) {
            return invalid(e, page(null, FormErrors.none(), form, e.errors(), TokenForm.empty(), FormErrors.none(), ""));
        }
    }

    /**
     * A fresh login for this browser after a change that ended every login of the account: this browser stays logged in,
     * while a copy of its old cookie stops working like the other devices' logins.
     */
    private void newLogin(HttpServerRequest request, HttpServerResponse response) {
        response.addCookie(AuthMechanism.loginCookie(sessions.start(currentUser.requireAccount()), AuthMechanism.isSecure(request)));
    }

    /** Ends every login of this account, on every device, this one included. */
    @POST
    @Path("logout-everywhere")
    public Response logoutEverywhere(@Context HttpHeaders headers, @Context HttpServerRequest request,
                                     @Context HttpServerResponse response) {
        sessions.endAll(currentUser.requireAccountId());
        response.addCookie(AuthMechanism.clearedCookie(AuthMechanism.isSecure(request)));
        return Flash.redirect(headers, "/login", "You are logged out on every device.");
    }

    /** The new token is shown in the answer itself, once; it is never stored or put in a cookie. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@BeanParam TokenForm form, @FormParam("tokenPassword") String password) {
        try {
            ApiTokenService.Created created = profiles.createToken(currentUser.requireAccountId(), form, password);
            return Htmx.page(Templates.account(page(null, FormErrors.none(), null, FormErrors.none(), TokenForm.empty(), FormErrors.none(),
                    created.value())), 201);
        } catch (ValidationException e) {
            return invalid(e, page(null, FormErrors.none(), null, FormErrors.none(), form, e.errors(), ""));
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        tokens.revoke(currentUser.requireAccountId(), id);
        if (Htmx.isHtmx(headers)) {
            return Response.ok(Templates.account$tokens(page(null, FormErrors.none(), null, FormErrors.none(), TokenForm.empty(), FormErrors.none(), "")))
                    .build();
        }
        return Flash.redirect(headers, "/account", "Token revoked.");
    }

    /** The page with the form's errors: 422, or 429 with Retry-After once password checks are paused. */
    private static Response invalid(ValidationException e, AccountView page) {
        Response.ResponseBuilder r = Response.fromResponse(Htmx.page(Templates.account(page), e.status()));
        if (e.retryAfterSeconds() > 0) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }

    private AccountView page(ProfileForm profile, FormErrors profileErrors, PasswordForm password, FormErrors passwordErrors,
                             TokenForm tokenForm, FormErrors tokenErrors, String newToken) {
        Account a = currentUser.requireAccount();
        ProfileForm shown = profile != null ? profile : ProfileForm.of(a);
        return new AccountView(a, shown, profileErrors, password != null ? password : PasswordForm.empty(), passwordErrors, tokenForm, tokenErrors,
                profiles.tokens(a.id), memberships.of(a.id), newToken, mail.enabled());
    }
}
