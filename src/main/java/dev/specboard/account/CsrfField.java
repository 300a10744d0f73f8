package dev.specboard.account;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token that forms ({@code {#csrf /}}) and htmx ({@code hx-headers} on the body) send back:
 * bound to the current login, or to the pre-session of an anonymous browser (created on first use).
 */
@Named("csrfField")
@RequestScoped
public class CsrfField {

    @Inject
    RoutingContext context;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens tokens;

    private String token;

    public String getName() {
        return CsrfTokens.FIELD;
    }

    public String getToken() {
        if (token == null) {
            token = currentUser.sessionId().map(tokens::forSession)
                    .orElseGet(() -> tokens.forPreSession(tokens.preSession(context).orElseGet(() -> tokens.newPreSession(context))));
        }
        return token;
    }
}
