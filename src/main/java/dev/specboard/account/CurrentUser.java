package dev.specboard.account;

import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.UUID;

/** The person (or token) behind the current request, as templates and services need it. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return isLoggedIn() ? identity.getPrincipal().getName() : "";
    }

    public Optional<UUID> accountId() {
        return Optional.ofNullable(identity.getAttribute(AuthMechanism.ACCOUNT_ID));
    }

    /** The login behind a cookie-authenticated request (none for API tokens). */
    public Optional<UUID> sessionId() {
        return Optional.ofNullable(identity.getAttribute(AuthMechanism.SESSION_ID));
    }

    /** The hash of the API token behind a token-authenticated request (none for a login). */
    public Optional<String> tokenHash() {
        return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.TOKEN_HASH));
    }

    /** The id of the API token behind a token-authenticated request (none for a login). */
    public Optional<UUID> tokenId() {
        return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.TOKEN_ID));
    }

    /** The account id, or 401 for an anonymous caller. */
    public UUID requireAccountId() {
        return accountId().orElseThrow(() -> ApiException.unauthorized("Authentication required"));
    }

    public Account requireAccount() {
        Account a = Account.findById(requireAccountId());
        if (a == null) {
            throw ApiException.unauthorized("Your account no longer exists");
        }
        return a;
    }

    public boolean isAdmin() {
        return identity.hasRole(Account.ROLE_ADMIN);
    }

    /**
     * Site administration (the accounts page and its API): 401 for an anonymous caller, 403 for anyone but an
     * administrator, and for an administrator's token limited to one project, which acts in that project only.
     */
    public void requireSiteAdmin() {
        requireAccountId();
        if (!isAdmin()) {
            throw ApiException.forbidden("Only an administrator of this Specboard can manage its accounts.");
        }
        if (tokenProjectId().isPresent()) {
            throw ApiException.forbidden("This token is limited to one project: use a token that is not to manage accounts.");
        }
    }

    /** A project-limited API token names one project... */
    public Optional<UUID> tokenProjectId() {
        return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.TOKEN_PROJECT));
    }

    /** ...and the highest role it may act with there. */
    public Optional<Role> tokenRole() {
        return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.TOKEN_ROLE));
    }
}
