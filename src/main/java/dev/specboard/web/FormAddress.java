package dev.specboard.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * The answer to a GET of a form's POST address: the page that holds the form (303). A refused form is shown at the
 * address it was posted to, so Back, Reload or a copied link asked that address by GET, which answered 405; the
 * resource checks the project policy first, so a non-member still gets 404 and learns nothing from a redirect.
 */
public final class FormAddress {

    private FormAddress() {
    }

    /** A 303 to the page at this path template ({@code /projects/{slug}/tasks/{key}}), each value encoded as a path segment. */
    public static Response holder(String template, Object... values) {
        return Response.seeOther(UriBuilder.fromPath(template).build(values)).build();
    }
}
