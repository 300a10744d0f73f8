package dev.specboard.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a bearer API token into the identity of its account, with the token's project limit. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String TOKEN_PROJECT = "tokenProjectId";
    public static final String TOKEN_ROLE = "tokenRole";
    /** The token's hash, by which a stream it opened asks later whether the token still stands (see StreamGrants). */
    public static final String TOKEN_HASH = "tokenHash";
    /** The token's id, which work queued through the token keeps so that it stops acting once the token is revoked. */
    public static final String TOKEN_ID = "tokenId";

    @Inject
    ApiTokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // A token known on this instance needs no query: its identity is made on the calling thread, no worker is woken.
        ApiTokenService.Resolved known = tokens.known(request.getToken().getToken());
        if (known != null) {
            return Uni.createFrom().item(identity(known));
        }
        return context.runBlocking(() -> identity(tokens.resolve(request.getToken().getToken())
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API token"))));
    }

    private static SecurityIdentity identity(ApiTokenService.Resolved t) {
        QuarkusSecurityIdentity.Builder b = AuthMechanism.identityOf(t.username(), t.siteRole(), t.accountId())
                .addAttribute(TOKEN_HASH, t.tokenHash())
                .addAttribute(TOKEN_ID, t.tokenId());
        if (t.projectId() != null) {
            b.addAttribute(TOKEN_PROJECT, t.projectId()).addAttribute(TOKEN_ROLE, t.role());
        }
        return b.build();
    }
}
