package dev.specboard.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The page-or-fragment rule of STYLE.md and the HX-* response headers, in one place. */
public final class Htmx {

    private Htmx() {
    }

    /**
     * A request wants a fragment when htmx sent it, except for boosted navigation and history
     * restores, which need the whole page.
     */
    public static boolean isFragment(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"))
                && !"true".equals(headers.getHeaderString("HX-History-Restore-Request"))
                && !"true".equals(headers.getHeaderString("HX-Boosted"));
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"));
    }

    /** After a successful POST: htmx follows HX-Redirect, a plain form follows the 303. */
    public static Response redirect(HttpHeaders headers, String location) {
        if (isHtmx(headers)) {
            return Response.ok().header("HX-Redirect", location).build();
        }
        return Response.seeOther(URI.create(location)).build();
    }

    /** A page that can also answer as a fragment must say so to caches. */
    public static Response page(Object entity, int status) {
        return Response.status(status).entity(entity).header("Vary", "HX-Request").build();
    }

    public static Response page(Object entity) {
        return page(entity, 200);
    }

    /** A form that failed validation: 422 with the re-rendered form (htmx swaps 422: the htmx-config of layout/main.html). */
    public static Response invalid(Object entity) {
        return Response.status(422).entity(entity).header("Vary", "HX-Request").build();
    }
}
