package dev.specboard.web;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+](/\\d{1,3})?");

    /**
     * Quarkus resolves every trusted proxy that is not an address literal through DNS, a bare {@code ::1} included;
     * where DNS did not answer, that held about one request in sixty for five seconds, on every page.
     */
    @Test
    void trustedProxiesAreAddressLiteralsThatNeedNoDnsLookup() {
        List<String> proxies = ConfigProvider.getConfig().getValues("quarkus.http.proxy.trusted-proxies", String.class);
        assertFalse(proxies.isEmpty());
        for (String p : proxies) {
            assertTrue(IPV4.matcher(p.strip()).matches() || IPV6.matcher(p.strip()).matches(),
                    p + " is not an IPv4 address, a bracketed IPv6 address or a CIDR range of one");
        }
        assertTrue(proxies.contains("[::1]"), "the IPv6 loopback is trusted, written so that it is not taken for a host name");
    }

    /**
     * A trusted proxy's X-Forwarded-For sets the client address (which keys the login limits) and X-Forwarded-Host the
     * base of invitation and preview links: by default only loopback may send them, not every private network.
     */
    @Test
    void byDefaultOnlyLoopbackIsTrusted() {
        List<String> proxies = ConfigProvider.getConfig().getValues("quarkus.http.proxy.trusted-proxies", String.class);
        assertEquals(List.of("127.0.0.1", "[::1]"), proxies.stream().map(String::strip).toList());
    }

    /** The docker setup trusts its nginx's network, a fixed range, so that the browser's address still arrives. */
    @Test
    void theComposeSetupTrustsItsOwnNetwork() throws Exception {
        String compose = Files.readString(Path.of("docker/compose.yml"));
        Matcher subnet = Pattern.compile("subnet:\\s*(\\S+)").matcher(compose);
        assertTrue(subnet.find(), "the compose network has a fixed subnet");
        Matcher trusted = Pattern.compile("SPECBOARD_TRUSTED_PROXIES:\\s*(\\S+)").matcher(compose);
        assertTrue(trusted.find(), "the app instances are told which proxies to trust");
        assertEquals(subnet.group(1), trusted.group(1), "the apps trust the compose network, and only it");
    }

    /**
     * Quarkus takes the first address of X-Forwarded-For for request.remoteAddress(): the nginx in front sets the header
     * to the address it sees, so that it names the browser. (The login limits read the rightmost address that is no
     * trusted proxy, ClientAddress, and would be safe behind an appending proxy too.)
     */
    @Test
    void theComposeNginxSetsTheForwardedForItSees() throws Exception {
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $remote_addr;"), nginx);
        assertFalse(nginx.contains("$proxy_add_x_forwarded_for"), nginx);
    }

    /**
     * Specboard reads X-Forwarded-Port, -Ssl and -Prefix too (and Forwarded where allowed): nginx must clear what the
     * client sent, or a client could pass a plain request for HTTPS or make the app build links to another port.
     */
    @Test
    void theComposeNginxClearsTheForwardedHeadersItDoesNotSet() throws Exception {
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        for (String header : List.of("X-Forwarded-Port", "X-Forwarded-Ssl", "X-Forwarded-Prefix", "Forwarded")) {
            assertTrue(Pattern.compile("(?m)^\\s*proxy_set_header " + header + " \\S+;").matcher(nginx).find(),
                    "nginx sets or clears " + header + ":\n" + nginx);
        }
    }

    /**
     * An MCP session lives in one instance's memory: with plain round-robin every other request of an agent met the
     * other instance and got 404 for its session. The MCP address goes to an upstream pinned by the bearer token.
     */
    @Test
    void theComposeNginxSendsEachMcpAgentToOneInstance() throws Exception {
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        Matcher location = Pattern.compile("location /api/mcp \\{\\s*proxy_pass http://(\\w+);").matcher(nginx);
        assertTrue(location.find(), nginx);
        Matcher upstream = Pattern.compile("upstream " + location.group(1) + " \\{([^}]*)}").matcher(nginx);
        assertTrue(upstream.find(), nginx);
        assertTrue(upstream.group(1).contains("hash $http_authorization consistent;"), upstream.group(1));
    }

    /**
     * nginx gives a location the server's proxy_set_header lines only when the location sets none of its own: one
     * such line in a location would silently drop the forwarded-header rules above for it.
     */
    @Test
    void theComposeNginxSetsItsProxyHeadersOnceForEveryLocation() throws Exception {
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        Matcher location = Pattern.compile("location [^{]+\\{([^}]*)}").matcher(nginx);
        int locations = 0;
        while (location.find()) {
            locations++;
            assertFalse(location.group(1).contains("proxy_set_header"), location.group());
        }
        assertEquals(2, locations, nginx);
    }
}
