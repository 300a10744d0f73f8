package dev.specboard.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for the layout. Unlike rest-csrf's own {@code csrf} bean it does not fail on pages the
 * CSRF filter never saw (a 404 for an unknown URL still renders the layout).
 */
@Named("csrfField")
@RequestScoped
public class CsrfField {

    /** Where rest-csrf's filter leaves the token of the current request. */
    private static final String TOKEN_KEY = "csrf_token";

    @Inject
    RoutingContext context;

    public String getName() {
        return "csrf-token";
    }

    public String getToken() {
        Object token = context.get(TOKEN_KEY);
        return token == null ? "" : token.toString();
    }
}
