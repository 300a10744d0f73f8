package dev.specboard.repo;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file's bytes exactly as committed: the API's {@code content} is decoded text with uniform line ends, so an agent
 * patching against the blob, or a person wanting a binary file, downloads it instead.
 */
@QuarkusTest
class RawFileTest {

    private static final String CRLF = "first\r\nsecond";
    private static final String BINARY = "PNG\u0000\u0001\u00ff\u0000";

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    RepoTestSupport support;

    @Test
    void theApiAndTheFilePageGiveTheCommittedBytesAsADownload() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("docs/notes.txt", CRLF, "logo.bin", BINARY));
            Repo repo = support.add(t.project(), t.lead(), "app", git.url());
            support.awaitLatest(repo);
            git.commit("second", Map.of("docs/notes.txt", "changed\n"));
            support.sync(repo);
            support.awaitLatest(repo);
            String token = tokens.create(t.viewer().id, "raw", null, null).value();
            String api = "/api/v1/projects/" + t.slug() + "/repos/app";

            RestAssured.given().auth().oauth2(token).get(api + "/files/logo.bin").then().statusCode(200);
            Response bin = RestAssured.given().auth().oauth2(token).get(api + "/raw/logo.bin");
            assertEquals(200, bin.statusCode());
            assertArrayEquals(BINARY.getBytes(StandardCharsets.UTF_8), bin.asByteArray());
            assertEquals("application/octet-stream", bin.contentType());
            assertEquals("nosniff", bin.header("X-Content-Type-Options"));
            assertTrue(bin.header("Content-Disposition").startsWith("attachment; filename=\"logo.bin\""), bin.header("Content-Disposition"));
            String blob = RestAssured.given().auth().oauth2(token).get(api + "/files/logo.bin").then().extract().path("blobSha");
            assertEquals(blob, bin.header("X-Blob-Sha"));
            assertEquals("2", bin.header("X-Manifest-Version"));
            // The blob's SHA is its ETag: asking again with it costs no bytes.
            RestAssured.given().auth().oauth2(token).header("If-None-Match", bin.header("ETag")).get(api + "/raw/logo.bin")
                    .then().statusCode(304);
            RestAssured.given().auth().oauth2(token).get(api + "/raw/missing.txt").then().statusCode(404)
                    .contentType("application/json");
            RestAssured.given().auth().oauth2(token).get(api + "/raw/docs/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
            String outsider = tokens.create(t.outsider().id, "raw", null, null).value();
            RestAssured.given().auth().oauth2(outsider).get(api + "/raw/logo.bin").then().statusCode(404);

            // The file page links its own version's bytes; the first version's carriage returns are still there.
            String web = "/projects/" + t.slug() + "/repos/app";
            Document old = Web.html(Web.as(t.viewer()).get(web + "/blob/docs/notes.txt?v=1"));
            String link = old.getElementById("file-raw-link").attr("href");
            assertEquals(web + "/raw/docs/notes.txt?v=1", link);
            Response first = Web.as(t.viewer()).get(link);
            assertEquals(200, first.statusCode());
            assertEquals(CRLF, new String(first.asByteArray(), StandardCharsets.UTF_8));
            assertEquals("changed\n", new String(Web.as(t.viewer()).get(web + "/raw/docs/notes.txt").asByteArray(), StandardCharsets.UTF_8));
            assertEquals(404, Web.as(t.outsider()).get(link).statusCode());
            assertEquals(404, Web.as(t.viewer()).get(web + "/raw/docs/notes.txt?v=9").statusCode());
        }
    }
}
