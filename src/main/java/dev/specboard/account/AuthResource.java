package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.ClientAddress;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;

/** Sign-up, login and logout pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuthResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(String login, String next, String error);

        static native TemplateInstance signup(SignupForm form, FormErrors errors, boolean open);

        static native TemplateInstance logout();
    }

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next) {
        if (currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Htmx.page(Templates.login("", safeNext(next), ""));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String login, @FormParam("password") String password,
                          @FormParam("next") String next, @Context HttpHeaders headers,
                          @Context HttpServerRequest request, @Context HttpServerResponse response) {
        try {
            Account a = accounts.login(login, password, ClientAddress.of(request));
            response.addCookie(AuthMechanism.loginCookie(sessions.start(a), AuthMechanism.isSecure(request)));
            return Htmx.redirect(headers, safeNext(next));
        } catch (ApiException e) {
            int status = e.status() == 429 ? 429 : 422;
            Response.ResponseBuilder r = Response.status(status).entity(Templates.login(login == null ? "" : login, safeNext(next), e.getMessage()));
            if (e.retryAfterSeconds() > 0) {
                r.header("Retry-After", e.retryAfterSeconds());
            }
            return r.build();
        }
    }

    @GET
    @Path("signup")
    public Response signupPage() {
        return Htmx.page(Templates.signup(SignupForm.empty(), FormErrors.none(), accounts.signupOpen()));
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signup(@BeanParam SignupForm form, @Context HttpHeaders headers,
                           @Context HttpServerRequest request, @Context HttpServerResponse response) {
        try {
            Account a = accounts.signup(form);
            response.addCookie(AuthMechanism.loginCookie(sessions.start(a), AuthMechanism.isSecure(request)));
            return Flash.redirect(headers, "/", "Welcome to Specboard, " + a.displayName() + "!");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.signup(form, e.errors(), accounts.signupOpen()));
        }
    }

    @GET
    @Path("logout")
    public TemplateInstance logoutPage() {
        return Templates.logout();
    }

    /** Ends this login (a copy of its cookie stops working too); other devices stay logged in. */
    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers, @Context HttpServerRequest request, @Context HttpServerResponse response) {
        currentUser.sessionId().ifPresent(s -> sessions.end(currentUser.requireAccountId(), s));
        response.addCookie(AuthMechanism.clearedCookie(AuthMechanism.isSecure(request)));
        return Flash.redirect(headers, "/login", "You are logged out.");
    }

    /**
     * Where a login may lead: only a path of this site, so the login page cannot send people elsewhere. Anything else
     * leads home: another site, a scheme, a protocol-relative {@code //host} or {@code /\host} (also when
     * percent-encoded), whitespace or control characters (browsers drop a tab, turning {@code /\t/evil.example} into
     * {@code //evil.example}), or text that is not a valid URI reference.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "/";
        }
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            return "/";
        }
        String path = uri.getPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || path.startsWith("//")
                || path.startsWith("/\\") || path.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        // "Log out" pressed after the login expired leads here: logging in again means staying, not "Log out?" again.
        if ("/logout".equals(path)) {
            return "/";
        }
        return next;
    }
}
