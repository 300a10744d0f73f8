package dev.specboard.repo;

import dev.specboard.kernel.UrlCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL rules on their own: no internal hosts, no escape from the local roots, no password in any message. */
class RepoUrlsTest {

    private Path tmp;
    private RepoUrls urls;

    @BeforeEach
    void setUp() throws IOException {
        tmp = Files.createTempDirectory("repo-urls");
        urls = new RepoUrls();
        urls.dataDir = tmp.resolve("data").toString();
        Files.createDirectories(tmp.resolve("data/repos"));
    }

    @AfterEach
    void tearDown() {
        GitMirror.deleteQuietly(tmp);
    }

    @Test
    void internalAddressesAreRefusedWithAClearMessage() {
        for (String url : List.of("https://127.0.0.1:8080/x.git", "https://10.1.2.3/team/x.git", "https://[::1]/x.git",
                "https://169.254.169.254/latest/meta-data", "https://localhost/x.git", "https://LocalHost./x.git",
                "https://0.0.0.0/x.git", "https://2130706433/x.git", "https://[fd12::1]/x.git", "https://[::ffff:127.0.0.1]/x.git",
                "https://172.20.0.1/x.git", "https://192.168.1.10/x.git", "https://100.64.0.1/x.git", "https://224.0.0.1/x.git",
                "https://[fe80::1]/x.git", "ssh://git@192.168.1.2/team/x.git", "ssh://git@127.0.0.1:2222/x.git",
                "git@10.0.0.5:team/x.git", "git@localhost:team/x.git")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("loopback, private, link-local or multicast"), url + ": " + problem.get());
        }
    }

    @Test
    void ipv6FormsThatLeadToInternalIpv4HostsAreRefused() {
        // 6to4 of 127.0.0.1, 10.0.0.1 and the metadata address; NAT64 for local use of 10.0.0.1; Teredo.
        for (String url : List.of("https://[2002:7f00:1::]/x.git", "https://[2002:a00:1::1]/x.git", "https://[2002:a9fe:a9fe::]/latest",
                "https://[64:ff9b:1::a00:1]/x.git", "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x.git")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("loopback, private, link-local or multicast"), url + ": " + problem.get());
        }
        assertEquals(Optional.empty(), urls.problem("https://[2002:5db8:d822::1]/team/x.git"), "6to4 of a public address");
    }

    @Test
    void zonedIpv6AndNumbersInOtherFormsThanFourDecimalsAreRefusedAsWritten() {
        // Neither resolves here (so each was accepted at entry and refused only at the fetch); each may lead to this server.
        for (String url : List.of("https://[fe80::1%25eth0]/x", "ssh://git@[fe80::1%25lo]/x.git", "https://[::1%251]/x")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("IPv6 address with a zone"), url + ": " + problem.get());
        }
        for (String url : List.of("https://0x7f000001/x", "https://0X7F000001/x", "https://2130706433/x", "https://0177.0.0.1/x",
                "https://017700000001/x", "git@0x7f000001:team/x.git", "https://1.2.3.04/x", "https://3232235777./x")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("not an IPv4 address written as four decimal numbers")
                    && problem.get().contains("loopback, private, link-local or multicast"), url + ": " + problem.get());
        }
        // Forms Java's URI parser reads as no host at all were refused already, but as "This URL names no host".
        for (String url : List.of("https://0x7f.0.0.1/x", "https://127.1/x", "https://256.1.1.1/x", "https://u@127.1:8443/x")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("not an IPv4 address written as four decimal numbers")
                    && problem.get().contains("loopback, private, link-local or multicast"), url + ": " + problem.get());
        }
        for (String url : List.of("https://127.0.0.1./x", "https://10.0.0.1./x", "ssh://git@127.0.0.1.:22/x.git")) {
            Optional<String> problem = urls.problem(url);
            assertTrue(problem.isPresent(), url + " was accepted");
            assertTrue(problem.get().contains("is a loopback, private, link-local or multicast address"), url + ": " + problem.get());
        }
        assertEquals(Optional.of("This URL names no host"), urls.problem("https:///x"));
        assertEquals(Optional.of("This URL's host exa_mple.invalid is not a valid host name"), urls.problem("https://exa_mple.invalid/x"));
        assertEquals(Optional.empty(), urls.problem("https://93.184.216.34/team/x.git"), "four decimals are read as ever");
        assertEquals(Optional.empty(), urls.problem("https://123.example.invalid/x.git"), "a name with numbers is a name");
    }

    @Test
    void publicAddressesAndNamesThatDoNotResolveYetAreAccepted() {
        assertEquals(Optional.empty(), urls.problem("https://93.184.216.34/team/x.git"));
        assertEquals(Optional.empty(), urls.problem("https://[2606:4700::1111]/team/x.git"));
        assertEquals(Optional.empty(), urls.problem("https://git.example.invalid/team/x.git"));
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedAtTheFetch() {
        GitProblem e = assertThrows(GitProblem.class, () -> urls.requireFetchable("https://u:hunter2@git.example.invalid/x.git"));
        assertTrue(e.getMessage().contains("could not be resolved"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void theAllowListNamesHostsAndBlocks() {
        urls.allowedHosts = Optional.of("10.0.0.0/8, git.corp.example, localhost, fd00::/8");
        assertEquals(Optional.empty(), urls.problem("https://10.1.2.3/x.git"));
        assertEquals(Optional.empty(), urls.problem("https://localhost/x.git"));
        assertEquals(Optional.empty(), urls.problem("git@git.corp.example:team/x.git"));
        assertEquals(Optional.empty(), urls.problem("https://[fd12::1]/x.git"));
        assertTrue(urls.problem("https://192.168.1.10/x.git").isPresent());
        assertTrue(urls.problem("https://127.0.0.2/x.git").isPresent(), "localhost is allowed by name, not every loopback address");
    }

    @Test
    void sshUrlsFailWithAClearMessageInsteadOfANullPointerException() {
        for (String url : List.of("ssh://git@git.example.invalid/team/x.git", "git@git.example.invalid:team/x.git")) {
            GitProblem e = assertThrows(GitProblem.class, () -> urls.requireFetchable(url));
            assertTrue(e.getMessage().contains("no SSH client"), e.getMessage());
            assertFalse(e.getMessage().contains("NullPointer"), e.getMessage());
        }
    }

    @Test
    void aSymlinkUnderAnAllowedRootThatLeadsOutsideIsRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("git"));
        Path outside = Files.createDirectories(tmp.resolve("elsewhere/secret.git"));
        bare(root.resolve("team/app.git"));
        Files.createSymbolicLink(root.resolve("escape"), outside.getParent());
        urls.localRoots = Optional.of(root.toString());

        assertEquals(Optional.empty(), urls.problem(root.resolve("team/app.git").toString()));
        assertEquals(Optional.empty(), urls.problem("file://" + root.resolve("team/app.git")));
        assertEquals(Optional.of(root.resolve("team/not-yet.git") + " does not exist on the server"),
                urls.problem(root.resolve("team/not-yet.git").toString()), "below the roots, but nothing to clone yet");
        assertTrue(urls.problem(root.resolve("escape/secret.git").toString()).isPresent());
        assertTrue(urls.problem("file://" + root.resolve("escape/secret.git")).isPresent());
        assertTrue(urls.problem(root + "/team/../../elsewhere/secret.git").isPresent());
        assertTrue(urls.problem(outside.toString()).isPresent());
    }

    @Test
    void aRootThatIsItselfASymlinkStillAllowsItsRepositories() throws Exception {
        Path real = bare(tmp.resolve("real-git/app.git"));
        Path link = Files.createSymbolicLink(tmp.resolve("git-link"), real.getParent());
        urls.localRoots = Optional.of(link.toString());
        assertEquals(Optional.empty(), urls.problem(link.resolve("app.git").toString()));
        assertEquals(Optional.empty(), urls.problem(real.toString()));
    }

    @Test
    void theDataDirectoryIsNeverAllowedEvenWhenAnyLocalPathIs() throws Exception {
        urls.allowAnyLocal = true;
        urls.localRoots = Optional.of(tmp.toString());
        Path data = tmp.resolve("data");
        assertTrue(urls.problem(data.toString()).get().contains("data directory"));
        assertTrue(urls.problem(data.resolve("repos/p/r.git").toString()).isPresent());
        Path link = Files.createSymbolicLink(tmp.resolve("innocent"), data.resolve("repos"));
        assertTrue(urls.problem(link.toString()).isPresent());
        assertEquals(Optional.empty(), urls.problem(bare(tmp.resolve("other.git")).toString()));
    }

    @Test
    void aGitFileCommondirOrAlternatesThatLeadOutsideTheRootsOrIntoTheDataDirectoryAreRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("roots"));
        Path outside = tmp.resolve("outside/secret.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(outside.toFile()).call().close();
        Path mirror = tmp.resolve("data/repos/other/r.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(mirror.toFile()).call().close();
        urls.localRoots = Optional.of(root.toString());

        Path fine = root.resolve("fine.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(fine.toFile()).call().close();
        assertEquals(Optional.empty(), urls.problem(fine.toString()));
        Path work = root.resolve("work");
        org.eclipse.jgit.api.Git.init().setDirectory(work.toFile()).call().close();
        assertEquals(Optional.empty(), urls.problem(work.toString()), "a work tree with its .git folder");

        Path gd = Files.createDirectories(root.resolve("gd"));
        Files.writeString(gd.resolve(".git"), "gitdir: " + outside + "\n");
        assertTrue(urls.problem(gd.toString()).orElse("").contains("outside the configured roots"), urls.problem(gd.toString()).toString());
        assertThrows(GitProblem.class, () -> urls.requireFetchable(gd.toString()), "checked again before each fetch");
        Files.writeString(gd.resolve(".git"), "gitdir: ../../data/repos/other/r.git\n");
        assertTrue(urls.problem("file://" + gd).orElse("").contains("data directory"), urls.problem(gd.toString()).toString());

        Path common = Files.createDirectories(root.resolve("wt/.git"));
        Files.writeString(common.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(common.resolve("commondir"), outside + "\n");
        assertTrue(urls.problem(root.resolve("wt").toString()).isPresent(), "commondir outside");

        Path alt = root.resolve("alt.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(alt.toFile()).call().close();
        Files.writeString(alt.resolve("objects/info/alternates"), mirror.resolve("objects") + "\n");
        assertTrue(urls.problem(alt.toString()).orElse("").contains("data directory"), "the bare repository's own alternates");

        // An alternate inside the roots whose own alternates lead outside.
        Path chained = root.resolve("chained.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(chained.toFile()).call().close();
        Files.writeString(chained.resolve("objects/info/alternates"), "../../fine.git/objects\n");
        assertEquals(Optional.empty(), urls.problem(chained.toString()), "alternates inside the roots are fine");
        Files.writeString(fine.resolve("objects/info/alternates"), outside.resolve("objects") + "\n");
        assertTrue(urls.problem(chained.toString()).isPresent(), "alternates of alternates");

        Path linked = root.resolve("linked.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(linked.toFile()).call().close();
        GitMirror.deleteQuietly(linked.resolve("objects"));
        Files.createSymbolicLink(linked.resolve("objects"), mirror.resolve("objects"));
        assertTrue(urls.problem(linked.toString()).isPresent(), "objects linked into the data directory");

        urls.allowAnyLocal = true;
        Files.writeString(gd.resolve(".git"), "gitdir: " + mirror + "\n");
        assertTrue(urls.problem(gd.toString()).orElse("").contains("data directory"), "never the data directory, even when any path is");
        Files.writeString(gd.resolve(".git"), "gitdir: " + outside + "\n");
        assertEquals(Optional.empty(), urls.problem(gd.toString()));
    }

    /**
     * A folder below the roots that holds no git repository was accepted, and its first sync failed with JGit's "not found":
     * the path must be a repository as JGit's clone reads one (bare, a work tree, a {@code .git} file, a sibling
     * {@code name.git}), checked when it is entered and again before each fetch.
     */
    @Test
    void aLocalPathMustHoldAGitRepository() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("srv"));
        urls.localRoots = Optional.of(root.toString());
        Path plain = Files.createDirectories(root.resolve("plain"));
        Files.writeString(plain.resolve("README.md"), "not a repository\n");
        assertEquals(Optional.of(plain + " is not a git repository: it has no .git folder and is not a bare repository"),
                urls.problem(plain.toString()));
        assertEquals(Optional.of("file://" + plain + " is not a git repository: it has no .git folder and is not a bare repository"),
                urls.problem("file://" + plain));
        GitProblem atFetch = assertThrows(GitProblem.class, () -> urls.requireFetchable(plain.toString()));
        assertTrue(atFetch.getMessage().endsWith(plain + " is not a git repository: it has no .git folder and is not a bare repository"),
                atFetch.getMessage());
        assertEquals(Optional.of(plain.resolve("README.md") + " is a file, not a git repository"),
                urls.problem(plain.resolve("README.md").toString()));

        assertEquals(Optional.empty(), urls.problem(bare(root.resolve("app.git")).toString()), "bare");
        assertEquals(Optional.empty(), urls.problem(root.resolve("app").toString()), "the sibling app.git, as git clone finds it");
        Path work = root.resolve("work");
        org.eclipse.jgit.api.Git.init().setDirectory(work.toFile()).call().close();
        assertEquals(Optional.empty(), urls.problem(work.toString()), "a work tree");
        assertEquals(Optional.empty(), urls.problem("file://" + work + "/.git"), "its .git folder");
        Path linked = Files.createDirectories(root.resolve("linked"));
        Files.writeString(linked.resolve(".git"), "gitdir: ../app.git\n");
        assertEquals(Optional.empty(), urls.problem(linked.toString()), "a .git file");
        assertEquals(Optional.empty(), urls.problem("https://git.example.invalid/team/plain.git"), "a remote URL is not contacted");
    }

    private static Path bare(Path dir) throws Exception {
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    @Test
    void passwordsAreRedactedFromAnyText() {
        assertEquals("https://user:***@host/x", UrlCredentials.redact("https://user:secret@host/x"));
        assertEquals("Could not fetch https://user:***@host/x: not authorized",
                UrlCredentials.redact("Could not fetch https://user:secret@host/x: not authorized"));
        assertEquals("https://***@github.com/x.git", UrlCredentials.redact("https://ghp_token@github.com/x.git"));
        assertEquals("ssh://git@host/x.git", UrlCredentials.redact("ssh://git@host/x.git"));
        assertEquals("ssh://me:***@host/x.git", UrlCredentials.redact("ssh://me:pw@host/x.git"));
        assertEquals("https://u:***@host/x and mail@example.com", UrlCredentials.redact("https://u:p@ss@host/x and mail@example.com"));
        assertEquals("git@host:team/x.git", UrlCredentials.redact("git@host:team/x.git"));
        assertEquals("no url here", UrlCredentials.redact("no url here"));
    }

    @Test
    void redactedExceptionsKeepTheirStackButNotThePassword() {
        Exception e = new IllegalStateException("outer https://a:pw1@h/x", new IOException("inner https://b:pw2@h/y"));
        Throwable r = UrlCredentials.redacted(e);
        assertFalse(r.getMessage().contains("pw1"));
        assertFalse(r.getCause().getMessage().contains("pw2"));
        assertTrue(r.getCause().getMessage().contains("https://b:***@h/y"));
        assertEquals(e.getStackTrace()[0], r.getStackTrace()[0]);
    }

    @Test
    void cidrBlocksMatchTheirAddressesOnly() throws Exception {
        Cidr block = Cidr.parse("172.16.0.0/12").orElseThrow();
        assertTrue(block.contains(java.net.InetAddress.getByName("172.31.255.255")));
        assertFalse(block.contains(java.net.InetAddress.getByName("172.32.0.1")));
        assertFalse(block.contains(java.net.InetAddress.getByName("::1")));
        assertTrue(Cidr.parse("git.example.com").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
    }
}
