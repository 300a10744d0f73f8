package dev.specboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-time message shown on the next page after a redirect ("Project created"). It travels in a
 * short-lived cookie because the server keeps no session.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "sb_flash";

    private String message = "";
    private boolean consumed;

    public String getMessage() {
        consumed = consumed || !message.isEmpty();
        return message;
    }

    public boolean isPresent() {
        return !message.isEmpty();
    }

    /** Adds the message to a redirect response. */
    public static Response.ResponseBuilder with(Response.ResponseBuilder response, String message) {
        return response.cookie(new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                .path("/").httpOnly(true).maxAge(60).sameSite(NewCookie.SameSite.LAX).build());
    }

    public static Response redirect(jakarta.ws.rs.core.HttpHeaders headers, String location, String message) {
        return with(Response.fromResponse(Htmx.redirect(headers, location)), message).build();
    }

    /** Reads and clears the flash cookie around each request. */
    public static class Filters {

        @jakarta.inject.Inject
        Flash flash;

        @ServerRequestFilter
        public void read(ContainerRequestContext request) {
            Cookie c = request.getCookies().get(COOKIE);
            if (c != null && c.getValue() != null && !c.getValue().isEmpty()) {
                flash.message = URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
            }
        }

        @ServerResponseFilter
        public void clear(ContainerResponseContext response) {
            if (flash.consumed && !response.getHeaders().containsKey("Set-Cookie")) {
                response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).build());
            }
        }
    }
}
