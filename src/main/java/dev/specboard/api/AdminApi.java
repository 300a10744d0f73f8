package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.AccountDirectory;
import dev.specboard.account.CurrentUser;
import dev.specboard.account.PasswordResetService;
import dev.specboard.web.PublicAddress;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;

/**
 * What the site administrators' accounts page does, for scripts (an offboarding run that disables the accounts of
 * people who left, say): find accounts, make or unmake administrators, disable or enable accounts, make a reset link.
 * Only a site administrator's token that is not limited to one project may call it; anyone else gets 403.
 */
@Path("/api/v1/admin/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminApi {

    @RegisterForReflection
    public record AdminAccountAnswer(String username, String name, String email, boolean admin, boolean disabled,
                                     Instant createdAt, Instant disabledAt) {
    }

    @RegisterForReflection
    public record RoleBody(Boolean admin) {
    }

    @RegisterForReflection
    public record AccessBody(Boolean disabled) {
    }

    @RegisterForReflection
    public record ResetLinkAnswer(String username, String link) {
    }

    @Inject
    ListPaging paging;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountDirectory directory;

    @Inject
    PasswordResetService resets;

    @Inject
    PublicAddress publicAddress;

    /** Accounts whose username, name or email contains {@code q} (all without it), by username, 50 a page; past the last page an empty list. */
    @GET
    public List<AdminAccountAnswer> list(@QueryParam("q") String query, @QueryParam("page") Integer page) {
        currentUser.requireSiteAdmin();
        AccountDirectory.Listing listing = directory.list(query, page);
        paging.counted(page, listing.at().total(), listing.at().size());
        if (page != null && page > listing.at().pages()) {
            return List.of();
        }
        return listing.rows().stream().map(r -> new AdminAccountAnswer(r.username(), r.name(), r.email(), r.admin(),
                r.disabledAt() != null, r.createdAt(), r.disabledAt())).toList();
    }

    /**
     * Makes the account an administrator ({@code "admin": true}) or no longer one: its logins end and its tokens take
     * the new role at once. The last administrator stepping down is 409.
     */
    @POST
    @Path("/{username}/role")
    public AdminAccountAnswer setRole(@PathParam("username") String username, RoleBody body) {
        currentUser.requireSiteAdmin();
        if (body == null || body.admin() == null) {
            throw ValidationException.of("admin", "Say true to make the account an administrator, false to make it no longer one");
        }
        return answer(directory.setAdmin(username, body.admin()));
    }

    /**
     * Disables the account ({@code "disabled": true}: its logins and tokens end, it cannot log in) or enables it again.
     * One's own account and an administrator's are 409.
     */
    @POST
    @Path("/{username}/access")
    public AdminAccountAnswer setAccess(@PathParam("username") String username, AccessBody body) {
        currentUser.requireSiteAdmin();
        if (body == null || body.disabled() == null) {
            throw ValidationException.of("disabled", "Say true to disable the account, false to enable it");
        }
        return answer(directory.setDisabled(username, body.disabled(), currentUser.requireAccountId()));
    }

    /** A single-use link that sets the account's password within the hour, to pass on to its owner; the account's address is told. */
    @POST
    @Path("/{username}/password-reset")
    @APIResponse(responseCode = "201", description = "The link, shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResetLinkAnswer.class)))
    public Response issueReset(@PathParam("username") String username, @Context UriInfo uri) {
        currentUser.requireSiteAdmin();
        String link = resets.issue(username, publicAddress.base(uri));
        return Response.status(201).entity(new ResetLinkAnswer(username, link)).build();
    }

    private static AdminAccountAnswer answer(Account a) {
        return new AdminAccountAnswer(a.username, a.name, a.email, a.isAdmin(), a.isDisabled(), a.createdAt, a.disabledAt);
    }
}
