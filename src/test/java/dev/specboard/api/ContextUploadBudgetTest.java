package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.web.BodyBudget;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload larger than the largest file a context item may have (5 MB, with room for the rest of the item) is refused
 * 413 from its declared length, before it waits for the body budget: eight uploads of 8.6 MB sent at once got 503 with
 * Retry-After for six of them, so a client that follows Retry-After sent again and again a request that could never
 * succeed. An upload that may succeed still waits its turn (503) while the budget is spent.
 */
@QuarkusTest
class ContextUploadBudgetTest {

    private static final String BOUNDARY = "specboard-upload-boundary";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    BodyBudget budget;

    @Test
    void eightOversizeUploadsSentAtOnceAreAllRefused413AndNoneIsAskedToComeBack() throws Exception {
        TestData.Team t = data.team();
        String head = head(t, "multipart/form-data; boundary=" + BOUNDARY);
        byte[] body = multipart(9_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RawHttp.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return RawHttp.sendWhileWriting(head, body);
                }));
            }
            start.countDown();
            for (Future<RawHttp.Answer> f : sent) {
                RawHttp.Answer answer = f.get(120, TimeUnit.SECONDS);
                assertEquals(413, answer.status(), answer.body());
                assertNull(answer.header("Retry-After"), answer.body());
                assertTrue(answer.body().contains("The upload is 8.6 MB; files may be at most 5.0 MB"), answer.body());
                assertTrue(answer.body().contains("\"file\":\"At most 5.0 MB\""), answer.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileTheBudgetIsSpentAnUploadThatMayFitGets503AndOneThatCannotGets413() throws Exception {
        TestData.Team t = data.team();
        String stories = "POST /api/v1/projects/" + t.slug() + "/stories HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + fx.token(t.member());
        try (Socket first = new Socket("localhost", RestAssured.port)) {
            // 20 MB announced, a part of it sent: the budget (24 MB) holds it while the rest is awaited.
            OutputStream out = first.getOutputStream();
            out.write((stories + "\r\nHost: localhost:" + RestAssured.port + "\r\nContent-Length: 20000000\r\n\r\n{\"title\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] part = new byte[300_000];
            Arrays.fill(part, (byte) 'a');
            out.write(part);
            out.flush();
            for (int i = 0; i < 300 && budget.held() < 20_000_000; i++) {
                Thread.sleep(100);
            }
            assertTrue(budget.held() >= 20_000_000, "the first body was not counted");

            // 5.9 MB may be a file of 5 MB with its item's text: it waits for the budget.
            RawHttp.Answer mayFit = RawHttp.send(head(t, "multipart/form-data; boundary=" + BOUNDARY) + "\r\nContent-Length: 5900000", (byte[]) null);
            assertEquals(503, mayFit.status(), mayFit.body());
            assertEquals("5", mayFit.header("Retry-After"));

            RawHttp.Answer multipart = RawHttp.send(head(t, "multipart/form-data; boundary=" + BOUNDARY) + "\r\nContent-Length: 9000000", (byte[]) null);
            assertEquals(413, multipart.status(), multipart.body());
            assertTrue(multipart.body().contains("files may be at most 5.0 MB (the whole request at most 6.0 MB)"), multipart.body());

            // The JSON call carries the file as base64 (4/3 of its bytes): 9 MB may still be a file of 5 MB, 12 MB cannot.
            RawHttp.Answer base64 = RawHttp.send(head(t, "application/json") + "\r\nContent-Length: 9000000", (byte[]) null);
            assertEquals(503, base64.status(), base64.body());
            RawHttp.Answer json = RawHttp.send(head(t, "application/json") + "\r\nContent-Length: 12000000", (byte[]) null);
            assertEquals(413, json.status(), json.body());
            assertTrue(json.body().contains("files may be at most 5.0 MB"), json.body());
        }
    }

    private String head(TestData.Team t, String contentType) {
        return "POST /api/v1/projects/" + t.slug() + "/context-items HTTP/1.1\r\nContent-Type: " + contentType
                + "\r\nAuthorization: Bearer " + fx.token(t.member());
    }

    /** A context item of type file whose text/plain file makes the whole body {@code total} bytes. */
    private static byte[] multipart(int total) {
        String start = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\nfile\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n";
        String end = "\r\n--" + BOUNDARY + "--\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        out.writeBytes(start.getBytes(StandardCharsets.ISO_8859_1));
        byte[] text = new byte[total - start.length() - end.length()];
        Arrays.fill(text, (byte) 'a');
        out.writeBytes(text);
        out.writeBytes(end.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
