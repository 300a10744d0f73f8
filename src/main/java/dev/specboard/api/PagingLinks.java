package dev.specboard.api;

import dev.specboard.web.PublicAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a client of a paged API list that other pages exist, as GitHub does: a {@code Link} header (RFC 8288) with
 * {@code rel="next"} while a further page exists, {@code rel="prev"} and {@code rel="first"} past the first page,
 * {@code rel="last"} before the last page (the request's URL with its other query parameters, only {@code page}
 * changed), and {@code X-Total-Count}: every paged list counts its rows. An object answer that
 * pages a list it nests (a design page's mockup versions) sends the same headers for that list, and a ranked list
 * {@code X-Results-Partial: true} when it left matches unranked. The body stays the bare array the contract fixes; before these, a client reading the first 50 rows
 * had no sign that more existed.
 */
public class PagingLinks {

    /** The header giving how many rows the whole list has. */
    public static final String TOTAL_HEADER = "X-Total-Count";

    /** The header saying that a ranked list is the best of only part of its matches ({@link ListPaging#partial}). */
    public static final String PARTIAL_HEADER = "X-Results-Partial";

    @Inject
    ListPaging paging;

    @Inject
    PublicAddress publicAddress;

    @ServerResponseFilter
    public void link(ContainerRequestContext request, ContainerResponseContext response) {
        // Only an API read answers a list (a change that reads a page back, as a page's update does, answers no list);
        // other requests never create the request's paging.
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (response.getStatus() != 200 || !read || !request.getUriInfo().getPath().startsWith("/api/v1/") || paging.page() == 0) {
            return;
        }
        int page = paging.page();
        List<String> links = new ArrayList<>();
        if (paging.nextPage() != null) {
            links.add(link(request.getUriInfo(), paging.nextPage(), "next"));
        }
        if (page > 1) {
            links.add(link(request.getUriInfo(), page - 1, "prev"));
            links.add(link(request.getUriInfo(), 1, "first"));
        }
        Integer last = paging.lastPage();
        // As GitHub's: the last page is named while this page is before it.
        if (last != null && page < last) {
            links.add(link(request.getUriInfo(), last, "last"));
        }
        if (!links.isEmpty()) {
            response.getHeaders().putSingle("Link", String.join(", ", links));
        }
        if (paging.total() != null) {
            response.getHeaders().putSingle(TOTAL_HEADER, String.valueOf(paging.total()));
        }
        if (paging.partial()) {
            response.getHeaders().putSingle(PARTIAL_HEADER, "true");
        }
    }

    /** {@code <url>; rel="next"}: the request's address (where the public address says) with {@code page} set. */
    private String link(UriInfo uri, int page, String rel) {
        URI requested = uri.getRequestUri();
        String base = uri.getBaseUri().getRawPath();
        String path = requested.getRawPath().substring(Math.max(0, base.length() - 1));
        StringBuilder query = new StringBuilder();
        String raw = requested.getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (!part.isEmpty() && !"page".equalsIgnoreCase(decoded(name))) {
                    query.append(part).append('&');
                }
            }
        }
        query.append("page=").append(page);
        return "<" + PublicAddress.link(publicAddress.base(uri), path + "?" + query) + ">; rel=\"" + rel + "\"";
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
