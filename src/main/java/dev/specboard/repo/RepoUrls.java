package dev.specboard.repo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;
import org.eclipse.jgit.util.FS;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repository URLs the server may clone. Remote hosts must be public: a host that is or
 * resolves to a loopback, private, link-local or multicast address is refused unless
 * {@code specboard.repos.allowed-hosts} names it, when a URL is entered, again right before each
 * fetch and on every HTTP request of a fetch (redirects included). Local paths are allowed in dev
 * and test or below the configured roots (symbolic links resolved), never inside the data directory, and must hold a git
 * repository there (a remote one is not contacted when entered).
 */
@ApplicationScoped
public class RepoUrls {

    private static final Pattern SCP_LIKE = Pattern.compile("^git@([A-Za-z0-9.-]+):[A-Za-z0-9._/~-]+$");
    /** {@code scheme://userinfo@}: greedy up to the last {@code @} before the path, so a raw {@code @} in a password is covered too. */

    @ConfigProperty(name = "specboard.repos.allow-any-local", defaultValue = "false")
    boolean allowAnyLocal;

    @ConfigProperty(name = "specboard.repos.local-roots")
    Optional<String> localRoots = Optional.empty();

    /** Host names, addresses or CIDR blocks (comma-separated) that may be internal, e.g. a company git server. */
    @ConfigProperty(name = "specboard.repos.allowed-hosts")
    Optional<String> allowedHosts = Optional.empty();

    @ConfigProperty(name = "specboard.data-dir", defaultValue = "data")
    String dataDir = "data";

    /** Every HTTP request JGit makes (the first one and each redirect) passes the host check. */
    void guardHttp(@Observes StartupEvent event) {
        HttpTransport.setConnectionFactory(new GuardedConnections(this));
    }

    /** The problem with the URL, or empty when it may be used; a host that does not resolve now is checked again at the fetch. */
    public Optional<String> problem(String url) {
        return check(url, false);
    }

    /** Refuses, right before a fetch, a URL that is not allowed (any more): its host may resolve elsewhere now. */
    public void requireFetchable(String url) {
        String u = url == null ? "" : url.trim();
        if (isSsh(u) && SshSessionFactory.getInstance() == null) {
            throw new GitProblem("Could not fetch " + u + ": this server has no SSH client, so it cannot fetch ssh:// or git@ URLs; "
                    + "use the repository's https:// URL.");
        }
        check(u, true).ifPresent(problem -> {
            throw new GitProblem("Could not fetch " + u + ": " + problem);
        });
    }

    private Optional<String> check(String url, boolean atFetch) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) {
            return Optional.of("Enter the git URL or a local path");
        }
        if (u.chars().anyMatch(c -> c < 0x20 || c == ' ' || c == 0x7f)) {
            return Optional.of("A URL has no spaces or control characters");
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("ssh://")) {
            try {
                URI uri = URI.create(u);
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    return unparsedHostProblem(uri.getRawAuthority(), atFetch);
                }
                return hostProblem(uri.getHost(), atFetch);
            } catch (IllegalArgumentException e) {
                return Optional.of("This is not a valid URL");
            }
        }
        Matcher scp = SCP_LIKE.matcher(u);
        if (scp.matches()) {
            return hostProblem(scp.group(1), atFetch);
        }
        Optional<Path> local = localPath(u);
        if (local.isEmpty()) {
            return Optional.of("Use an https://, ssh:// or git@host:path URL");
        }
        Path real = realPath(local.get());
        Path data = realPath(Path.of(dataDir).toAbsolutePath());
        if (real.startsWith(data)) {
            return Optional.of("The server's own data directory cannot be used as a repository");
        }
        if (!allowAnyLocal && roots().stream().noneMatch(real::startsWith)) {
            return Optional.of("Local paths are only allowed below the configured roots; use an https://, ssh:// or git@ URL");
        }
        // A .git file, commondir or alternates make JGit read elsewhere: each place it would read must be allowed too.
        List<Path> roots = roots();
        for (Path location : LocalRepoLocations.of(real).all()) {
            if (location.startsWith(data)) {
                return Optional.of("This repository leads (through its .git file, commondir or alternates) into the server's own "
                        + "data directory, which cannot be used as a repository");
            }
            if (!allowAnyLocal && roots.stream().noneMatch(location::startsWith)) {
                return Optional.of("This repository leads (through its .git file, commondir, alternates or a symbolic link) outside "
                        + "the configured roots; local paths are only allowed below the configured roots");
            }
        }
        return repositoryProblem(u, real);
    }

    /**
     * Why JGit cannot clone the local path: its local transport opens what {@link RepositoryCache.FileKey#resolve} finds
     * there (the folder itself when bare, its {@code .git} folder or file, a sibling {@code name.git}) or reads a file as
     * a bundle. A plain folder was accepted and its first sync failed with JGit's bare "not found".
     */
    private static Optional<String> repositoryProblem(String given, Path real) {
        if (Files.isRegularFile(real)) {
            return isBundle(real) ? Optional.empty() : Optional.of(given + " is a file, not a git repository");
        }
        if (RepositoryCache.FileKey.resolve(real.toFile(), FS.DETECTED) != null) {
            return Optional.empty();
        }
        return Optional.of(Files.exists(real) ? given + " is not a git repository: it has no .git folder and is not a bare repository"
                : given + " does not exist on the server");
    }

    /** Whether the file starts as a git bundle does ({@code # v2 git bundle}), which JGit clones from like a repository. */
    private static boolean isBundle(Path file) {
        byte[] head = new byte[16];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            String start = new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
            return start.startsWith("# v2 git bundle") || start.startsWith("# v3 git bundle");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Why a URL whose host Java's parser does not read ({@code 127.1}, {@code 127.0.0.1.}, {@code 0x7f.0.0.1}) is refused:
     * for the host as written, the internal-address message the other forms of such a host get; "names no host" sent
     * the reader looking for a missing host instead.
     */
    private Optional<String> unparsedHostProblem(String authority, boolean atFetch) {
        String host = authority == null ? "" : authority.substring(authority.lastIndexOf('@') + 1);
        host = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":[0-9]*$", "");
        if (host.isBlank()) {
            return Optional.of("This URL names no host");
        }
        return Optional.of(hostProblem(host, atFetch).orElse("This URL's host " + host + " is not a valid host name"));
    }

    /** The git and object directories of a local repository URL (resolved as JGit reads them), or none for a remote URL. */
    Set<Path> localStores(String url) {
        String u = url == null ? "" : url.trim();
        return localPath(u).map(p -> {
            Path real = realPath(p);
            Set<Path> stores = new java.util.LinkedHashSet<>(LocalRepoLocations.of(real).stores());
            stores.add(real);
            return stores;
        }).orElse(Set.of());
    }

    /**
     * Why a remote host may not be used: it is, or resolves to, an internal address that the
     * allow-list does not name. A host that does not resolve passes unless {@code mustResolve}.
     */
    Optional<String> hostProblem(String host, boolean mustResolve) {
        return HostGuard.of(allowedHosts, "repositories", "specboard.repos.allowed-hosts").problem(host, mustResolve);
    }

    private static boolean isSsh(String u) {
        return u.toLowerCase(Locale.ROOT).startsWith("ssh://") || SCP_LIKE.matcher(u).matches();
    }


    private static Optional<Path> localPath(String u) {
        try {
            if (u.startsWith("file://")) {
                return Optional.of(Path.of(URI.create(u)));
            }
            if (u.startsWith("/")) {
                return Optional.of(Path.of(u));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The path with every symbolic link resolved, as the operating system will open it; for a path
     * that does not exist (yet), its deepest existing ancestor is resolved and the rest appended.
     */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute.normalize();
        }
    }

    private List<Path> roots() {
        return localRoots.stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> realPath(Path.of(s))).toList();
    }

    /** JGit's HTTP connections, refused for an internal host at each request, so a redirect cannot lead inside either. */
    private static final class GuardedConnections implements HttpConnectionFactory2 {
        private final JDKHttpConnectionFactory jdk = new JDKHttpConnectionFactory();
        private final RepoUrls urls;

        GuardedConnections(RepoUrls urls) {
            this.urls = urls;
        }

        @Override
        public HttpConnection create(URL url) throws IOException {
            return create(url, null);
        }

        @Override
        public HttpConnection create(URL url, Proxy proxy) throws IOException {
            // Java caches a lookup for 30 s, so the connection that follows resolves the address checked here.
            Optional<String> problem = urls.hostProblem(url.getHost(), true);
            if (problem.isPresent()) {
                throw new IOException(problem.get());
            }
            return proxy == null ? jdk.create(url) : jdk.create(url, proxy);
        }

        @Override
        public GitSession newSession() {
            return jdk.newSession();
        }
    }
}
