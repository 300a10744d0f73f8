package dev.specboard.repo;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import dev.specboard.web.BodyBudget;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads of large committed files stream in bounded memory: JGit read any blob under 50 MiB whole for each download,
 * so eight downloads of a 21 MB file at once (or thirty slow ones) ran a 160 MB heap out of memory and the server exited.
 * Now a blob over {@code specboard.repos.stream-blobs-above} is written in pieces, each download takes a bounded share
 * of the large-transfer budget, and the one that does not fit gets 503 with Retry-After.
 */
@QuarkusTest
class RawDownloadBudgetTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    RepoTestSupport support;

    @Inject
    GitMirror mirror;

    @Inject
    BodyBudget budget;

    @Inject
    RawDownloads downloads;

    @Test
    void aLargeFileIsSentInPiecesWithinTheBudgetAndRefusedWhenItIsSpent() throws Exception {
        TestData.Team t = data.team();
        String big = GitFixture.lines(150_000);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        try (GitFixture git = GitFixture.create()) {
            git.commit("big", Map.of("big.txt", big));
            Repo repo = support.add(t.project(), t.lead(), "app", git.url());
            support.awaitLatest(repo);
            String token = tokens.create(t.viewer().id, "raw", null, null).value();
            String api = "/api/v1/projects/" + t.slug() + "/repos/app";

            // The sync counted its lines in pieces; the file page says it is too large and offers the download.
            assertEquals(150_000, RestAssured.given().auth().oauth2(token).get(api + "/files/big.txt").then().statusCode(200)
                    .extract().<Integer>path("lines"));
            String web = "/projects/" + t.slug() + "/repos/app";
            String page = Web.as(t.viewer()).get(web + "/blob/big.txt").asString();
            assertTrue(page.contains("too large to show") && page.contains("/raw/big.txt"), page);

            // The blob goes out in pieces of 8 KB, never as one array of the whole file.
            String blob = RestAssured.given().auth().oauth2(token).get(api + "/files/big.txt").then().extract().path("blobSha");
            long[] largestWrite = new long[1];
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            mirror.copyBlob(repo, blob, new OutputStream() {
                @Override
                public void write(int b) {
                    copied.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    largestWrite[0] = Math.max(largestWrite[0], len);
                    copied.write(b, off, len);
                }
            });
            assertArrayEquals(bytes, copied.toByteArray());
            assertTrue(largestWrite[0] <= 8192, "largest write " + largestWrite[0]);

            Response whole = RestAssured.given().auth().oauth2(token).get(api + "/raw/big.txt");
            assertEquals(200, whole.statusCode());
            assertArrayEquals(bytes, whole.asByteArray());
            // The paced download carries the same headers as a small one.
            assertEquals(blob, whole.header("X-Blob-Sha"));
            assertEquals("nosniff", whole.header("X-Content-Type-Options"));
            assertTrue(whole.header("Content-Disposition").startsWith("attachment; filename=\"big.txt\""), whole.header("Content-Disposition"));
            awaitHeld(0);

            // A slow reader holds its share (the part read whole and its connection's queue), not the file.
            long share = downloads.share(bytes.length);
            assertEquals(256 * 1024 + RawDownloads.PIPE, share);
            try (Socket slow = new Socket("localhost", RestAssured.port)) {
                slow.getOutputStream().write(("GET " + api + "/raw/big.txt HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = slow.getInputStream();
                assertTrue(in.readNBytes(1024).length == 1024);
                awaitHeld(share);
            }
            // Its client went away: the share comes back.
            awaitHeld(0);

            // The budget spent by others: the download is refused with Retry-After, by the API and the page alike.
            long others = 1L << 40;
            assertTrue(budget.take(others));
            try {
                Response busy = RestAssured.given().auth().oauth2(token).get(api + "/raw/big.txt");
                assertEquals(503, busy.statusCode(), busy.asString());
                assertEquals("5", busy.header("Retry-After"));
                assertTrue(busy.jsonPath().getString("error").contains("sending other large files"), busy.asString());
                Response page503 = Web.as(t.viewer()).get(web + "/raw/big.txt");
                assertEquals(503, page503.statusCode());
                assertEquals("5", page503.header("Retry-After"));
                // A caller that has the bytes is told so: a 304 sends nothing, so it takes nothing from the budget.
                RestAssured.given().auth().oauth2(token).header("If-None-Match", whole.header("ETag")).get(api + "/raw/big.txt")
                        .then().statusCode(304).header("X-Blob-Sha", blob);
                // A small file takes nothing from the budget and is still sent.
                git.commit("small", Map.of("small.txt", "small\n"));
                support.sync(repo);
                support.awaitLatest(repo);
                assertEquals("small\n", RestAssured.given().auth().oauth2(token).get(api + "/raw/small.txt").asString());
            } finally {
                budget.giveBack(others);
            }
            assertArrayEquals(bytes, RestAssured.given().auth().oauth2(token).get(api + "/raw/big.txt").asByteArray());
            awaitHeld(0);
        }
    }

    private void awaitHeld(long bytes) throws InterruptedException {
        for (int i = 0; i < 100 && budget.held() != bytes; i++) {
            Thread.sleep(100);
        }
        assertEquals(bytes, budget.held());
    }
}
