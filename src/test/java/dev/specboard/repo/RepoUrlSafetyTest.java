package dev.specboard.repo;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.jgit.transport.HttpTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repository URLs cannot reach the server's own network, and their passwords show nowhere. */
@QuarkusTest
class RepoUrlSafetyTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    private io.restassured.specification.RequestSpecification api(dev.specboard.account.Account a) {
        return RestAssured.given().header("Authorization", "Bearer " + tokens.create(a.id, "t", null, null).value())
                .contentType(ContentType.JSON);
    }

    @Test
    void internalHostsAreRefusedThroughTheApiAndTheForm() throws IOException {
        TestData.Team team = data.team();
        try (ServerSocket open = new ServerSocket(0)) {
            for (String url : List.of("https://127.0.0.1:" + open.getLocalPort() + "/x.git", "https://10.0.0.8/x.git", "https://[::1]/x.git",
                    "https://169.254.169.254/latest/meta-data", "https://localhost/x.git", "git@192.168.0.3:team/x.git",
                    "ssh://git@172.16.5.4/team/x.git")) {
                api(team.owner()).body(Map.of("name", "internal", "url", url)).post("/api/v1/projects/" + team.slug() + "/repos")
                        .then().statusCode(422).body("details.url", containsString("private"));
            }
        }
        // A zoned IPv6 address and a loopback written as one hex number did not resolve, so entry took them (201).
        api(team.owner()).body(Map.of("name", "zoned", "url", "https://[fe80::1%25eth0]/x")).post("/api/v1/projects/" + team.slug() + "/repos")
                .then().statusCode(422).body("details.url", containsString("IPv6 address with a zone"));
        api(team.owner()).body(Map.of("name", "hex", "url", "https://0x7f000001/x")).post("/api/v1/projects/" + team.slug() + "/repos")
                .then().statusCode(422).body("details.url", containsString("four decimal numbers"));
        Response page = Web.as(team.owner()).contentType("application/x-www-form-urlencoded").formParam("name", "meta")
                .formParam("url", "https://169.254.169.254/latest").formParam("defaultBranch", "main").formParam("syncIntervalMinutes", "")
                .post("/projects/" + team.slug() + "/repos");
        assertEquals(422, page.statusCode());
        assertTrue(Web.html(page).getElementById("e-url").text().contains("link-local"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Repo.count("projectId", team.project().id)));
    }

    @Test
    void aStoredUrlThatTurnedInternalIsRefusedRightBeforeTheFetchWithoutItsPassword() throws IOException {
        TestData.Team team = data.team();
        LogCapture logs = LogCapture.everything();
        try (ServerSocket open = new ServerSocket(0)) {
            Repo repo = support.add(team.project(), team.owner(), "app", "https://user:s3cr3t-pw@git.example.invalid/x.git");
            RepoSync unresolved = support.awaitLatest(repo);
            assertEquals(SyncStatus.FAILED, unresolved.status);
            assertTrue(unresolved.errorMessage.contains("https://user:***@git.example.invalid/x.git"), unresolved.errorMessage);

            // As if the name now resolved to the server itself: the fetch must not even try to connect.
            String internal = "https://user:s3cr3t-pw@127.0.0.1:" + open.getLocalPort() + "/x.git";
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE repositories SET git_url = ?1 WHERE id = ?2")
                    .setParameter(1, internal).setParameter(2, repo.id).executeUpdate());
            open.setSoTimeout(1);
            RepoSync refused = support.sync(repo);
            assertEquals(SyncStatus.FAILED, refused.status);
            assertTrue(refused.errorMessage.contains("loopback, private"), refused.errorMessage);
            assertTrue(refused.errorMessage.contains("user:***@127.0.0.1"), refused.errorMessage);
            assertThrows(java.net.SocketTimeoutException.class, open::accept, "the sync connected to the internal port");

            String slug = team.slug();
            for (String body : List.of(Web.as(team.viewer()).get("/projects/" + slug + "/repos").asString(),
                    Web.as(team.lead()).get("/projects/" + slug + "/repos/app").asString(),
                    api(team.viewer()).get("/api/v1/projects/" + slug + "/repos").asString(),
                    api(team.viewer()).get("/api/v1/projects/" + slug + "/syncs/" + refused.id).asString())) {
                assertFalse(body.contains("s3cr3t-pw"), body);
                assertTrue(body.contains("user:***@"), body);
            }
            org.jboss.logging.Logger.getLogger(RepoUrlSafetyTest.class).warn("capture works");
        } finally {
            logs.close();
        }
        List<String> logged = logs.lines();
        assertTrue(logged.contains("capture works"), "the log capture saw nothing");
        assertTrue(logged.stream().noneMatch(l -> l.contains("s3cr3t-pw")), String.join("\n", logged));
    }

    @Test
    void savingTheSettingsFormWithTheShownUrlKeepsThePassword() {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", "https://bot:tok3n@git.example.invalid/team/app.git");
        support.awaitLatest(repo);
        String shown = Web.html(Web.as(team.owner()).get("/projects/" + team.slug() + "/repos/app")).getElementById("f-url").val();
        assertEquals("https://bot:***@git.example.invalid/team/app.git", shown);
        Web.as(team.owner()).contentType("application/x-www-form-urlencoded").formParam("name", "app").formParam("url", shown)
                .formParam("defaultBranch", "trunk").formParam("syncIntervalMinutes", "")
                .post("/projects/" + team.slug() + "/repos/app").then().statusCode(303);
        Repo saved = QuarkusTransaction.requiringNew().call(() -> Repo.<Repo>findById(repo.id));
        assertEquals("https://bot:tok3n@git.example.invalid/team/app.git", saved.gitUrl);
        assertEquals("trunk", saved.defaultBranch);
    }

    @Test
    void sshUrlsFailTheSyncWithAClearMessage() {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", "git@git.example.invalid:team/app.git");
        RepoSync sync = support.awaitLatest(repo);
        assertEquals(SyncStatus.FAILED, sync.status);
        assertTrue(sync.errorMessage.contains("no SSH client"), sync.errorMessage);
        assertFalse(sync.errorMessage.contains("NullPointer"), sync.errorMessage);
    }

    @Test
    void everyHttpRequestOfAFetchChecksItsHostSoARedirectCannotLeadInside() {
        IOException e = assertThrows(IOException.class,
                () -> HttpTransport.getConnectionFactory().create(new URL("https://127.0.0.1:1/x.git/info/refs")));
        assertTrue(e.getMessage().contains("loopback, private"), e.getMessage());
        assertThrows(IOException.class, () -> HttpTransport.getConnectionFactory().create(new URL("https://169.254.169.254/")));
    }
}
