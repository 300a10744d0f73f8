package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.PublicAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * The administrators' list of accounts, where one makes a password reset link for someone who cannot log in (shown
 * once, to pass on). Only site administrators see it: the first account of a Specboard is one.
 */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountAdminResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance admin(AccountDirectory.Listing list, Issued issued);
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
    PublicAddress publicAddress;

    @GET
    public TemplateInstance list(@QueryParam("q") String query, @QueryParam("page") Integer page) {
        requireAdmin();
        return Templates.admin(directory.list(query, page), null);
    }

    @POST
    @Path("/{username}/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance issueReset(@PathParam("username") String username, @Context UriInfo uri) {
        requireAdmin();
        String link = resets.issue(username, publicAddress.base(uri));
        return Templates.admin(directory.list(username, null), new Issued(username, link));
    }

    private void requireAdmin() {
        if (!currentUser.isAdmin()) {
            throw ApiException.forbidden("Only an administrator of this Specboard can see its accounts.");
        }
    }
}
