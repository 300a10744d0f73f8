package dev.specboard.design;

import dev.specboard.repo.HostGuard;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a context item's content comes from and is kept: URLs fetched from allow-listed hosts and ports only (and never
 * from an internal address unless an administrator allows it, as for repositories), uploaded files under the data directory.
 */
@ApplicationScoped
class ContextSources {

    private static final Logger LOG = Logger.getLogger(ContextSources.class);

    @ConfigProperty(name = "specboard.context.max-upload-bytes", defaultValue = "5242880")
    long maxUploadBytes;

    /** {@code host} (the scheme's default port only) or {@code host:port}, an IPv6 address in brackets ({@code [2001:db8::1]:8080}). */
    @ConfigProperty(name = "specboard.context.url-fetch-hosts")
    Optional<List<String>> fetchHosts;

    /** Host names, addresses or CIDR blocks that a fetch host may be or resolve to although internal, as {@code specboard.repos.allowed-hosts}. */
    @ConfigProperty(name = "specboard.context.url-fetch-internal-hosts")
    Optional<String> internalHosts;

    @ConfigProperty(name = "specboard.context.store")
    Optional<String> store;

    @ConfigProperty(name = "specboard.data-dir", defaultValue = "data")
    String dataDir;

    @Inject
    DesignWork work;

    long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Whether Specboard may fetch from this address's host and port: an entry naming no port allows the scheme's default one only. */
    boolean fetchable(URI uri) {
        return fetchHosts.orElse(List.of()).stream().anyMatch(entry -> names(entry, uri));
    }

    /** Whether an allow-list entry, {@code host} or {@code host:port}, names the address's host and port. */
    static boolean names(String entry, URI uri) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        int close = e.startsWith("[") ? e.indexOf(']') : -1;
        // A colon after the host starts the port; an IPv6 address outside brackets (several colons) has none.
        int colon = close >= 0 ? e.indexOf(':', close) : e.indexOf(':') == e.lastIndexOf(':') ? e.indexOf(':') : -1;
        String host = colon < 0 ? e : e.substring(0, colon);
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        int port;
        try {
            port = colon < 0 ? defaultPort : Integer.parseInt(e.substring(colon + 1));
        } catch (NumberFormatException notAPort) {
            return false;
        }
        return bare(host).equals(bare(uri.getHost())) && port == (uri.getPort() < 0 ? defaultPort : uri.getPort());
    }

    /** A host as compared: lower case, without the brackets of an IPv6 address or a trailing dot. */
    private static String bare(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "").replaceAll("\\.$", "");
    }

    /** An uploaded file's bytes as stored. */
    byte[] file(ContextItem item) {
        if (item.storageKey == null) {
            throw ApiException.notFound("This context item has no file");
        }
        try {
            return Files.readAllBytes(root().resolve(item.storageKey));
        } catch (IOException e) {
            throw ApiException.notFound("The file of this context item is missing from the store");
        }
    }

    /** A stored file's bytes by its key; empty when the file is gone (its item deleted meanwhile). */
    Optional<byte[]> stored(String key) {
        try {
            return Optional.of(Files.readAllBytes(root().resolve(key)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Fetches the address, keeps its text on the item and answers what the HTML analysis finds (or a note saying why not). */
    ContextAnalysis fetch(URI uri, ContextItem item) {
        // The connection guard of repository URLs: a listed host that is, or now resolves to, an internal address is not
        // fetched unless allowed as such (Java caches the lookup for 30 s, so the connection below goes where was checked).
        Optional<String> internal = HostGuard.of(internalHosts, "context items", "specboard.context.url-fetch-internal-hosts")
                .problem(uri.getHost(), true);
        if (internal.isPresent()) {
            return ContextAnalysis.note("Could not fetch it: " + internal.get() + ".");
        }
        String fetched;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(maxUploadBytes, 2_000_000));
                if (r.statusCode() != 200) {
                    return ContextAnalysis.note("Fetched, but the server answered " + r.statusCode() + ".");
                }
                fetched = ContextContent.utf8(bytes);
            }
        } catch (IOException e) {
            return ContextAnalysis.note("Could not fetch it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ContextAnalysis.note("Fetching was interrupted.");
        }
        if (fetched == null) {
            return ContextAnalysis.note("Fetched, but the answer is not text.");
        }
        String text = fetched;
        // Parsed in its turn, once the connection is closed (no turn is held while the other server answers).
        return work.contextAnalyses().run(() -> {
            String plain = Jsoup.parse(ContextContent.capped(text)).text();
            item.contentText = plain.length() > 20_000 ? plain.substring(0, 20_000) : plain;
            return ContextContent.htmlAnalysis(text);
        });
    }

    void write(String key, byte[] content) {
        try {
            Path file = root().resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
    }

    /** An item whose uploaded file is to leave the store. */
    record Removed(String storageKey) {
    }

    void onRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) Removed removed) {
        try {
            Files.deleteIfExists(root().resolve(removed.storageKey()));
        } catch (IOException e) {
            // The item is gone already; a file left behind is only disk space, so the deletion stays a success.
            LOG.warnf(e, "Could not remove the context item file %s", removed.storageKey());
        }
    }

    private Path root() {
        return store.filter(s -> !s.isBlank()).map(Path::of).orElse(Path.of(dataDir, "context-items")).toAbsolutePath();
    }
}
