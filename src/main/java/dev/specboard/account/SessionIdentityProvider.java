package dev.specboard.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a genuine login cookie whose login this instance has not cached yet into an identity, after
 * reading the account's logins off the event loop. Cached logins never come here (see {@link AuthMechanism}).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionIdentityProvider.Request> {

    /** A login cookie that passed its signature and expiry checks. */
    public static final class Request extends BaseAuthenticationRequest {
        private final SessionCookie.Claims claims;

        public Request(SessionCookie.Claims claims) {
            this.claims = claims;
        }

        public SessionCookie.Claims claims() {
            return claims;
        }
    }

    @Inject
    SessionCache cache;

    @Override
    public Class<Request> getRequestType() {
        return Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            if (!cache.load(request.claims())) {
                throw new AuthenticationFailedException("This login has ended");
            }
            return identity(request.claims());
        });
    }

    static SecurityIdentity identity(SessionCookie.Claims c) {
        return AuthMechanism.identityOf(c.username(), c.siteRole(), c.accountId())
                .addAttribute(AuthMechanism.SESSION_ID, c.sessionId())
                .build();
    }
}
