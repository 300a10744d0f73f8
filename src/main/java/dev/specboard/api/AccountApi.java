package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.AccountService;
import dev.specboard.account.ApiTokenService;
import dev.specboard.account.SignupForm;
import dev.specboard.web.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sign-up and token creation for agents and scripts: the two API calls that need no token. */
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
    public record TokenBody(String name) {
    }

    @RegisterForReflection
    public record TokenAnswer(String token, String name) {
    }

    @Inject
    AccountService accounts;

    @Inject
    ApiTokenService tokens;

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

    /** Authenticated with HTTP Basic (username or email + password), so a script can bootstrap its first token. */
    @POST
    @Path("tokens")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenAnswer.class)))
    public Response createToken(@HeaderParam("Authorization") String authorization, TokenBody body) {
        String[] credentials = basic(authorization);
        Account a;
        try {
            a = accounts.login(credentials[0], credentials[1], null);
        } catch (ApiException e) {
            throw new ApiException(e.status() == 429 ? 429 : 401, e.getMessage());
        }
        ApiTokenService.Created created = tokens.create(a.id, body == null ? null : body.name(), null, null);
        return Response.status(201).entity(new TokenAnswer(created.value(), created.token().name)).build();
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
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
