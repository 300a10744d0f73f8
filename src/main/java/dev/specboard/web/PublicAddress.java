package dev.specboard.web;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The address that links to share are built on (invitations, previews, password resets): {@code specboard.public-url}
 * when it is set, else the one the request reached. A link mailed on a request anyone may make (a password reset code)
 * uses only the configured one: a forged Host header must not choose where the owner's code goes.
 */
@ApplicationScoped
@Startup // a malformed address stops the start, rather than the first link made with it
public class PublicAddress {

    @ConfigProperty(name = "specboard.public-url")
    Optional<String> publicUrl;

    private Optional<URI> configured = Optional.empty();

    @PostConstruct
    void read() {
        configured = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).map(PublicAddress::parse);
    }

    /** The configured address, ending in a slash, if any. */
    public Optional<URI> configured() {
        return configured;
    }

    /** Where the links in the answer to this request start: the configured address, else the request's. */
    public URI base(UriInfo request) {
        return base(request.getBaseUri());
    }

    /** The configured address, else {@code requested} (the address a request reached). */
    public URI base(URI requested) {
        return configured.orElse(requested);
    }

    /** A link to {@code path} (starting with a slash) on the address {@code base} names, keeping a path it has. */
    public static String link(URI base, String path) {
        return base.toString().replaceAll("/+$", "") + path;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url : url + "/");
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http or https address with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("specboard.public-url (SPECBOARD_PUBLIC_URL) is not an address like https://specboard.example.com: "
                    + e.getMessage(), e);
        }
    }
}
