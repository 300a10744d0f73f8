package dev.specboard.web;

import dev.specboard.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large bodies share one budget of bytes read or held at once (24 MB by default): eight bodies of 19 MB sent at once to
 * sign-up, which needs no login, ran a server of 160 MB heap out of memory. A large body that does not fit beside the
 * ones being read gets 503 with Retry-After before a byte of it is read, and the budget comes back when a body's request
 * ends, however it ends (here: its client goes away halfway).
 */
@QuarkusTest
class BodyBudgetTest {

    @jakarta.inject.Inject
    dev.specboard.support.TestData data;

    @jakarta.inject.Inject
    dev.specboard.account.ApiTokenService tokens;

    @jakarta.inject.Inject
    BodyBudget budget;

    @Test
    void aLargeBodyBesideOthersThatFillTheBudgetIsRefusedUntilTheyAreDone() throws Exception {
        dev.specboard.support.TestData.Team t = data.team();
        // A call that reads its body (sign-up may answer at once where accounts are by invitation): a story's creation.
        String post = "POST /api/v1/projects/" + t.slug() + "/stories HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + tokens.create(t.member().id, "budget", null, null).value();
        try (Socket first = new Socket("localhost", RestAssured.port)) {
            // 20 MB announced, a part of it sent: the budget holds it while the rest is awaited.
            OutputStream out = first.getOutputStream();
            out.write((post + "\r\nHost: localhost:" + RestAssured.port + "\r\nContent-Length: 20000000\r\n\r\n{\"title\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] part = new byte[300_000];
            Arrays.fill(part, (byte) 'a');
            out.write(part);
            out.flush();
            // The second head must come after the first was counted: otherwise it is let in and waits for its body.
            for (int i = 0; i < 300 && budget.held() < 20_000_000; i++) {
                Thread.sleep(100);
            }
            RawHttp.Answer second = awaitBusy(post);
            assertEquals(503, second.status(), second.body());
            assertEquals("5", second.header("Retry-After"));
            assertTrue(second.body().contains("reading other large requests"), second.body());
        }
        // The first client went away: its share comes back, and the same large body is read.
        RawHttp.Answer after = null;
        for (int i = 0; i < 100 && (after == null || after.status() == 503); i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            try {
                after = RawHttp.send(post, largeStory());
            } catch (java.io.UncheckedIOException refusedWhileSending) {
                // Refused at its head while the first one's end was still on its way: the server closed before the body was out.
                after = null;
            }
        }
        assertTrue(after != null && after.status() != 503, "the budget was not given back: " + (after == null ? "refused" : after.body()));
        assertEquals(422, after.status(), after.body());
    }

    /** The first body's head reaches the server before this one's: asked until it is refused (at most a few seconds). */
    private static RawHttp.Answer awaitBusy(String post) throws InterruptedException {
        RawHttp.Answer answer = null;
        for (int i = 0; i < 50 && (answer == null || answer.status() != 503); i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            // Only the head: a refused body is not read, and the connection closes once the answer is out.
            answer = RawHttp.send(post + "\r\nContent-Length: 6000000", (byte[]) null);
        }
        return answer;
    }

    /** A story of 6 MB (beside 20 MB, over the budget of 24 MiB) that is refused as invalid once read (its title too long). */
    private static byte[] largeStory() {
        byte[] body = new byte[6_000_000];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"description\":\"d\",\"title\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(end, 0, body, body.length - end.length, end.length);
        return body;
    }

    @Test
    void oneBodyIsAlwaysLetInAloneAndTakesAreGivenBack() {
        BodyBudget budget = new BodyBudget(new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1_000)));
        assertTrue(budget.take(5_000), "one body larger than the budget is let in when nothing else is held");
        assertFalse(budget.take(1), "nothing fits beside it");
        budget.giveBack(5_000);
        assertTrue(budget.take(600));
        assertTrue(budget.take(400));
        assertFalse(budget.take(1));
        budget.giveBack(600);
        assertTrue(budget.take(600));
    }
}
