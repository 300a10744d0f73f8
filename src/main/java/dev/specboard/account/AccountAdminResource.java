package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.Htmx;
import dev.specboard.web.PublicAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The administrators' list of accounts, where one makes a password reset link for someone who cannot log in (shown
 * once, to pass on), says who else is an administrator and disables the accounts of people who left. Only site
 * administrators see it: the first account of a Specboard is one.
 */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountAdminResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance admin(AccountDirectory.Listing list, Issued issued, String problem);
    }

    /** A reset link just made, shown once above the list. */
    public record Issued(String username, String link) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountDirectory directory;

    @Inject
    PasswordResetService resets;

    @Inject
    SessionService sessions;

    @Inject
    PublicAddress publicAddress;

    @GET
    public TemplateInstance list(@QueryParam("q") String query, @QueryParam("page") Integer page) {
        currentUser.requireSiteAdmin();
        return Templates.admin(directory.list(query, page), null, null);
    }

    @POST
    @Path("/{username}/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance issueReset(@PathParam("username") String username, @Context UriInfo uri) {
        currentUser.requireSiteAdmin();
        String link = resets.issue(username, publicAddress.base(uri));
        return Templates.admin(directory.list(username, null), new Issued(username, link), null);
    }

    /**
     * Makes the account an administrator ({@code admin=true}) or no longer one. Its logins end so that the new role
     * takes effect; one's own change gives this browser a new login and leads home. The last administrator stepping
     * down is refused (409) on the list, saying why.
     */
    @POST
    @Path("/{username}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRole(@PathParam("username") String username, @FormParam("admin") String admin, @Context HttpHeaders headers,
                            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        currentUser.requireSiteAdmin();
        if (!"true".equals(admin) && !"false".equals(admin)) {
            throw ApiException.badRequest("Say admin=true or admin=false");
        }
        boolean makeAdmin = Boolean.parseBoolean(admin);
        Account a;
        try {
            a = directory.setAdmin(username, makeAdmin);
        } catch (ApiException e) {
            return refused(e, username);
        }
        if (a.id.equals(currentUser.requireAccountId())) {
            response.addCookie(AuthMechanism.loginCookie(sessions.start(a), AuthMechanism.isSecure(request)));
            return Flash.redirect(headers, "/", makeAdmin ? "You are an administrator." : "You are no longer an administrator of this Specboard.");
        }
        return Flash.redirect(headers, "/admin/accounts?q=" + a.username, a.username + (makeAdmin ? " is now an administrator" : " is no longer an administrator")
                + "; their logins ended, so that it takes effect when they log in again.");
    }

    /** Disables the account ({@code disabled=true}: it cannot log in, its logins and tokens end) or enables it again. */
    @POST
    @Path("/{username}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setAccess(@PathParam("username") String username, @FormParam("disabled") String disabled, @Context HttpHeaders headers) {
        currentUser.requireSiteAdmin();
        if (!"true".equals(disabled) && !"false".equals(disabled)) {
            throw ApiException.badRequest("Say disabled=true or disabled=false");
        }
        Account a;
        try {
            a = directory.setDisabled(username, Boolean.parseBoolean(disabled), currentUser.requireAccountId());
        } catch (ApiException e) {
            return refused(e, username);
        }
        return Flash.redirect(headers, "/admin/accounts?q=" + a.username, a.isDisabled()
                ? a.username + " is disabled: their logins and API tokens ended, and they cannot log in."
                : a.username + " can log in again (with new API tokens: the old ones stay revoked).");
    }

    /** A change the rules refuse (409) is said on the list, above the account; anything else is the usual error. */
    private Response refused(ApiException e, String username) {
        if (e.status() != 409) {
            throw e;
        }
        return Htmx.page(Templates.admin(directory.list(username, null), null, e.getMessage()), 409);
    }
}
