package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.AccountService;
import dev.specboard.account.ApiToken;
import dev.specboard.account.ApiTokenService;
import dev.specboard.account.CurrentUser;
import dev.specboard.account.ProfileService;
import dev.specboard.account.TokenForm;
import dev.specboard.kernel.Ids;
import dev.specboard.web.ValidationException;
import dev.specboard.account.SignupForm;
import dev.specboard.web.ApiException;
import dev.specboard.web.ClientAddress;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sign-up and API tokens for agents and scripts: sign-up needs no token, the first token HTTP Basic. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountApi {

    @RegisterForReflection
    public record SignupBody(String email, String username, String name, String password) {
    }

    @RegisterForReflection
    public record AccountCreated(UUID id, String username) {
    }

    @RegisterForReflection
    public record TokenBody(String name, String project, String role) {
    }

    @RegisterForReflection
    public record TokenAnswer(String token, UUID id, String name, String project, String role) {
    }

    @RegisterForReflection
    public record TokenRowAnswer(UUID id, String name, String prefix, String project, String role, Instant createdAt,
                                 Instant lastUsedAt, Instant revokedAt, boolean active) {
    }

    /** How the caller is told of new notifications besides the bell: {@code email}, each one mailed to them too. */
    @RegisterForReflection
    public record NotificationSettings(Boolean email) {
    }

    @Inject
    AccountService accounts;

    @Inject
    ProfileService profiles;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("accounts")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountCreated.class)))
    public Response signup(SignupBody body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        Account a = accounts.signup(new SignupForm(body.email(), body.username(), body.name(), body.password()));
        return Response.status(201).entity(new AccountCreated(a.id, a.username)).build();
    }

    /**
     * A new token, optionally limited to one project and a role there (never above the caller's). Authenticated with
     * HTTP Basic (username or email + password) only, so that every token goes back to the password: a bearer token is
     * refused before this ({@link TokenFirst}), since a token it made would outlive its revocation.
     */
    @POST
    @Path("tokens")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenAnswer.class)))
    public Response createToken(@HeaderParam("Authorization") String authorization, TokenBody body, @Context HttpServerRequest request) {
        UUID accountId = passwordHolder(authorization, request);
        TokenForm form = new TokenForm(body == null ? null : body.name(), body == null ? null : body.project(),
                body == null ? null : body.role());
        ApiTokenService.Created created = ValidationException.renaming("tokenName", "name", () -> profiles.createToken(accountId, form));
        ApiToken t = created.token();
        return Response.status(201).entity(new TokenAnswer(created.value(), t.id, t.name,
                t.projectId == null ? null : form.project().trim(), t.role == null ? null : t.role.value())).build();
    }

    /**
     * The caller's tokens, newest first, never their secret (a project-limited caller sees that project's only). With
     * HTTP Basic too, as {@link #revokeToken}: someone whose only token leaked finds it here without a second one.
     */
    @GET
    @Path("tokens")
    public List<TokenRowAnswer> listTokens(@HeaderParam("Authorization") String authorization, @Context HttpServerRequest request) {
        return isBasic(authorization) ? tokensOf(passwordHolder(authorization, request), Optional.empty()) : listTokens();
    }

    /** The calling token's account's tokens, as {@link #listTokens(String, HttpServerRequest)} (the MCP tool's). */
    public List<TokenRowAnswer> listTokens() {
        return tokensOf(currentUser.requireAccountId(), currentUser.tokenProjectId());
    }

    private List<TokenRowAnswer> tokensOf(UUID accountId, Optional<UUID> limit) {
        return profiles.tokens(accountId).stream()
                .filter(r -> limit.isEmpty() || limit.get().equals(r.projectId()))
                .map(r -> new TokenRowAnswer(r.id(), r.name(), r.prefix(), r.projectSlug(), r.role() == null ? null : r.role().value(),
                        r.createdAt(), r.lastUsedAt(), r.revokedAt(), r.isActive()))
                .toList();
    }

    /**
     * Revokes one of the caller's tokens. With a token or with HTTP Basic: a password revokes a leaked token without first
     * making another one.
     */
    @DELETE
    @Path("tokens/{id}")
    @APIResponse(responseCode = "204", description = "The token is revoked")
    public Response revokeToken(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
                                @Context HttpServerRequest request) {
        boolean password = isBasic(authorization);
        UUID accountId = password ? passwordHolder(authorization, request) : currentUser.requireAccountId();
        UUID tokenId = Ids.parseOr404(id, "No such token");
        profiles.revokeToken(accountId, tokenId, password ? Optional.empty() : currentUser.tokenProjectId());
        return Response.noContent().build();
    }

    /** Revokes one of the calling token's account's tokens, as {@link #revokeToken(String, String, HttpServerRequest)} (the MCP tool's). */
    public void revokeToken(String id) {
        profiles.revokeToken(currentUser.requireAccountId(), Ids.parseOr404(id, "No such token"), currentUser.tokenProjectId());
    }

    /** Whether the caller's new notifications are mailed to them too (when the installation sends mail). */
    @GET
    @Path("account/notification-settings")
    public NotificationSettings notificationSettings() {
        return new NotificationSettings(currentUser.requireAccount().emailNotifications);
    }

    /**
     * Turns the mailing of new notifications on or off, as the account page does. A token limited to one project may not:
     * an agent's token is for the project, not for its owner's account.
     */
    @PUT
    @Path("account/notification-settings")
    public NotificationSettings changeNotificationSettings(NotificationSettings body) {
        UUID accountId = currentUser.requireAccountId();
        if (currentUser.tokenProjectId().isPresent()) {
            throw ApiException.forbidden("A token limited to one project cannot change account settings");
        }
        if (body == null || body.email() == null) {
            throw ValidationException.of("email", "Say true to have new notifications mailed to you too, false not to");
        }
        return new NotificationSettings(profiles.setEmailNotifications(accountId, body.email()));
    }

    static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The account whose username (or email) and password the HTTP Basic credentials give, under the login limits. */
    private UUID passwordHolder(String authorization, HttpServerRequest request) {
        String[] credentials = basic(authorization);
        try {
            // The client's address, as the trusted proxies report it: failures count per address, as on the login page.
            return accounts.login(credentials[0], credentials[1], ClientAddress.of(request)).id;
        } catch (ApiException e) {
            if (e.status() == 429) {
                throw e;
            }
            throw new ApiException(401, e.getMessage());
        }
    }

    private static String[] basic(String authorization) {
        if (!isBasic(authorization)) {
            throw ApiException.unauthorized("Use HTTP Basic authentication with your username and password");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // No account name holds a NUL, and PostgreSQL could not even look one up.
            if (colon < 0 || decoded.indexOf('\0') >= 0) {
                throw ApiException.unauthorized("Malformed Basic credentials");
            }
            return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("Malformed Basic credentials");
        }
    }
}
