package dev.specboard.design;

import com.sun.net.httpserver.HttpServer;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A URL context item is fetched and analysed only when its host and port are on the allow-list, and then only from an
 * internal address an administrator allows as such; here a local HTTP server is the listed site.
 */
@QuarkusTest
@TestProfile(ContextUrlFetchTest.LocalSiteAllowed.class)
class ContextUrlFetchTest {

    /** The site's port is chosen before the application starts, as its configuration names it. */
    public static class LocalSiteAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // localhost may be internal, 127.0.0.1 (the same server) may not: only the guard tells them apart.
            return Map.of("specboard.context.url-fetch-hosts", "localhost:" + port + ",127.0.0.1:" + port,
                    "specboard.context.url-fetch-internal-hosts", "localhost");
        }
    }

    @TestHTTPResource("/login")
    URL app;

    @ConfigProperty(name = "specboard.context.url-fetch-hosts")
    List<String> hosts;

    @Inject
    TestData data;

    private static final String PAGE = "<html><body><h1>Team wiki</h1><form><input name=q><button>Search</button></form>"
            + "<p>internal-only words</p></body></html>";

    private Element added(TestData.Team t, String url) {
        Response created = Web.as(t.member()).multiPart("itemType", "url").multiPart("url", url).post("/projects/" + t.slug() + "/context");
        assertEquals(303, created.statusCode(), created.asString());
        String id = created.getHeader("Location").substring(created.getHeader("Location").indexOf("#item-") + 6);
        return Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + id);
    }

    @Test
    void anAllowedHostAndPortIsFetchedThroughTheInternalAddressGuard() throws IOException {
        int port = Integer.parseInt(hosts.get(0).substring(hosts.get(0).lastIndexOf(':') + 1));
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        site.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        try {
            TestData.Team t = data.team();
            Element fetched = added(t, "http://localhost:" + port + "/wiki");
            assertFalse(fetched.text().contains("not fetched"), fetched.text());
            assertFalse(fetched.text().contains("Could not fetch"), fetched.text());
            assertTrue(fetched.text().contains("Elements:") && fetched.text().contains("form"), "the page's form was parsed: " + fetched.text());

            // Listed with its port, but an internal address nobody allowed as such: refused before any connection.
            Element loopback = added(t, "http://127.0.0.1:" + port + "/wiki");
            assertTrue(loopback.text().contains("Could not fetch it: the host 127.0.0.1 is a loopback, private, link-local or multicast address"),
                    loopback.text());
            assertFalse(loopback.text().contains("Elements:"), loopback.text());

            // The listed host on another port (the application's own) is not on the list: a host alone allowed every port.
            Element otherPort = added(t, "http://localhost:" + app.getPort() + "/login");
            assertTrue(otherPort.text().contains("not fetched"), otherPort.text());

            Element elsewhere = added(t, "https://example.com/elsewhere");
            assertTrue(elsewhere.text().contains("not fetched"), elsewhere.text());
        } finally {
            site.stop(0);
        }
    }

    @Test
    void anEntryWithoutAPortAllowsTheSchemesDefaultPortOnly() {
        assertTrue(ContextSources.names("docs.example.com", java.net.URI.create("https://docs.example.com/a")));
        assertTrue(ContextSources.names("docs.example.com", java.net.URI.create("http://DOCS.example.com:80/a")));
        assertFalse(ContextSources.names("docs.example.com", java.net.URI.create("https://docs.example.com:8443/a")));
        assertFalse(ContextSources.names("docs.example.com", java.net.URI.create("http://docs.example.com:443/a")));
        assertTrue(ContextSources.names("docs.example.com:8443", java.net.URI.create("https://docs.example.com:8443/a")));
        assertFalse(ContextSources.names("docs.example.com:8443", java.net.URI.create("https://docs.example.com/a")));
        assertTrue(ContextSources.names("[2001:db8::1]:8080", java.net.URI.create("http://[2001:db8::1]:8080/a")));
        assertTrue(ContextSources.names("2001:db8::1", java.net.URI.create("https://[2001:db8::1]/a")));
        assertFalse(ContextSources.names("docs.example.com:x", java.net.URI.create("http://docs.example.com/a")));
    }
}
