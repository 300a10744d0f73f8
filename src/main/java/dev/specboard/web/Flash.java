package dev.specboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

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
    public String getMessage() {
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

    /**
     * Shows the message on the page this request answers, in place of the next page's: a refusal answered with the page
     * as it is now (a stale move on the page tree) says there what was not done.
     */
    public void now(String message) {
        set(message);
    }

    void set(String message) {
        this.message = message;
    }
}
