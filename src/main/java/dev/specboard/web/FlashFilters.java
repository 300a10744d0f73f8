package dev.specboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the flash cookie into {@link Flash} before a request and clears it with the page that shows it. */
public class FlashFilters {

    @Inject
    Flash flash;

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie c = request.getCookies().get(Flash.COOKIE);
        if (c != null && c.getValue() != null && !c.getValue().isEmpty()) {
            try {
                flash.set(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A cookie we did not write (a bad escape): there is no message to show.
            }
        }
    }

    @ServerResponseFilter
    public void clear(ContainerResponseContext response) {
        // Templates render after the filters run, so "shown" means: this answer is a page, not a redirect.
        boolean redirect = response.getStatus() / 100 == 3 || response.getHeaders().containsKey("HX-Redirect");
        if (flash.isPresent() && !redirect) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Flash.COOKIE).value("").path("/").maxAge(0).build());
        }
    }
}
