package dev.specboard.assist;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's push credentials go only to https origins on the hosts listed in specboard.refactor.push-hosts. */
class RefactorPushCredentialsTest {

    private static final Optional<String> USER = Optional.of("specboard-bot");
    private static final Optional<String> PASSWORD = Optional.of("operator-secret");

    private static Optional<UsernamePasswordCredentialsProvider> offered(String url, List<String> hosts) {
        return RefactorService.credentials(url, USER, PASSWORD, hosts);
    }

    @Test
    void noHostListedMeansNoCredentialsForAnyOrigin() {
        assertEquals(Optional.empty(), offered("https://git.corp.example/team/app.git", List.of()));
        assertEquals(Optional.empty(), offered("https://attacker.example/app.git", List.of()));
    }

    @Test
    void anOriginOnAnUnlistedHostGetsNoCredentials() {
        List<String> hosts = List.of("git.corp.example");
        assertEquals(Optional.empty(), offered("https://attacker.example/app.git", hosts));
        assertEquals(Optional.empty(), offered("https://git.corp.example.attacker.example/app.git", hosts));
        assertEquals(Optional.empty(), offered("https://git.corp.example@attacker.example/app.git", hosts));
        assertEquals(Optional.empty(), offered("https://attacker.example/git.corp.example/app.git", hosts));
        assertEquals(Optional.empty(), offered("https://attacker.example:443/?h=git.corp.example", hosts));
        assertEquals(Optional.empty(), offered("http://git.corp.example/app.git", hosts), "never over plain http");
        assertEquals(Optional.empty(), offered("git@git.corp.example:team/app.git", hosts), "https only");
    }

    @Test
    void anOriginOnAListedHostGetsTheConfiguredCredentials() throws URISyntaxException {
        List<String> hosts = List.of("github.com", " Git.Corp.Example ");
        Optional<UsernamePasswordCredentialsProvider> c = offered("https://git.corp.example:8443/team/app.git", hosts);
        assertTrue(c.isPresent());
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        assertTrue(c.get().get(new URIish("https://git.corp.example:8443/team/app.git"), user, password));
        assertEquals("specboard-bot", user.getValue());
        assertArrayEquals("operator-secret".toCharArray(), password.getValue());
        assertEquals(Optional.empty(), RefactorService.credentials("https://github.com/a/b.git", USER, Optional.empty(), hosts),
                "without a password there is nothing to offer");
    }
}
