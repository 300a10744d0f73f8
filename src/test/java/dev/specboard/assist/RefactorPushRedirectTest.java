package dev.specboard.assist;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.Repo;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The push credentials go to the listed host only: an origin there that redirects the push to another host
 * (both real https servers on this machine) fails the push, and the other host never sees the credentials.
 */
@QuarkusTest
@TestProfile(RefactorPushRedirectTest.LocalhostListed.class)
class RefactorPushRedirectTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    /** localhost is a listed push host; 127.0.0.1 is not. Both may be reached, as two public hosts could. */
    public static class LocalhostListed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.refactor.push-hosts", "localhost",
                    "specboard.refactor.push-username", "specboard-bot",
                    "specboard.refactor.push-password", "operator-secret",
                    "specboard.repos.allowed-hosts", "localhost,127.0.0.1");
        }
    }

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    GitMirror mirror;

    /** One request a server received: its path and query, and its Authorization header (null when none). */
    private record Received(String uri, String authorization) {
    }

    @Test
    void aRedirectFromTheListedHostFailsThePushAndTheOtherHostGetsNoCredentials() throws Exception {
        TestData.Team t = data.team();
        SSLContext tls = selfSigned();
        List<Received> atListed = new CopyOnWriteArrayList<>();
        List<Received> atElsewhere = new CopyOnWriteArrayList<>();
        // The other host asks for Basic credentials, as a git server does, and records what it is sent.
        HttpsServer elsewhere = https(tls, exchange -> {
            atElsewhere.add(received(exchange));
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
        });
        int elsewherePort = elsewhere.getAddress().getPort();
        HttpsServer listed = https(tls, exchange -> {
            atListed.add(received(exchange));
            exchange.getResponseHeaders().add("Location", "https://127.0.0.1:" + elsewherePort + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
        });
        try (GitFixture git = GitFixture.create()) {
            Repo repo = jobs.synced(t, git);
            String refactors = "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
            String id = fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "hail")).post(refactors).then().statusCode(202)
                    .extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(id)).status);
            // The origin is now on the listed host; the mirror trusts the servers' self-signed certificate.
            QuarkusTransaction.requiringNew().run(() -> Repo.<Repo>findById(repo.id).gitUrl =
                    "https://localhost:" + listed.getAddress().getPort() + "/team/app.git");
            try (Repository r = new FileRepositoryBuilder().setGitDir(mirror.mirrorDir(repo).toFile()).setMustExist(true).build()) {
                StoredConfig config = r.getConfig();
                config.setBoolean("http", null, "sslVerify", false);
                config.save();
            }

            fx.api(t.member()).post(refactors + "/" + id + "/apply").then().statusCode(200).body("pushed", equalTo(false));

            assertFalse(atListed.isEmpty(), "the push went to the listed host");
            assertTrue(atElsewhere.stream().allMatch(r -> r.authorization() == null), "credentials reached the other host: " + atElsewhere);
            assertTrue(atElsewhere.isEmpty(), "the redirect was not followed: " + atElsewhere);
            fx.api(t.viewer()).get(refactors + "/" + id).then().statusCode(200)
                    .body("appliedChanges.pushed", equalTo(false))
                    .body("appliedChanges.pushError", containsString("the origin redirects elsewhere, and Specboard does not follow a redirect"));
        } finally {
            listed.stop(0);
            elsewhere.stop(0);
        }
    }

    private static Received received(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        return new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private static HttpsServer https(SSLContext tls, Answer answer) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            try (exchange) {
                answer.answer(exchange);
            }
        });
        server.start();
        return server;
    }

    /** A key and self-signed certificate for localhost and 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext selfSigned() throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("origin-tls");
        Path store = dir.resolve("origin.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "origin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return tls;
    }
}
