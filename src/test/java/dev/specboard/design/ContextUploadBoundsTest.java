package dev.specboard.design;

import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload streamed without a length ({@code Transfer-Encoding: chunked}) is refused as soon as it passes the largest
 * body a context item can take: it was read on to the server's 20 MB limit, taking the body budget and disk, and refused
 * only then. A file whose name holds bytes that are not UTF-8 (or U+FFFD itself) is kept under a readable name.
 */
@QuarkusTest
class ContextUploadBoundsTest {

    private static final long NINETEEN_MB = 19L * 1024 * 1024;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static long items(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> ContextItem.count("projectId", t.project().id));
    }

    private static byte[] filePart(String boundary, byte[] name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\nfile\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(name);
        body.writeBytes(("\"\r\nContent-Type: text/plain\r\n\r\nPlain notes\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] letters() {
        return "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    }

    private static String multipartHead(String boundary) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\nfile\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n";
    }

    @Test
    void aStreamedApiUploadIsRefusedOnceItPassesTheLargestItemNotAtTheServerLimit() {
        TestData.Team t = data.team();
        RawHttp.Streamed streamed = RawHttp.sendChunked("POST " + ApiPaths.project(t.slug(), "/context-items") + " HTTP/1.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nAuthorization: Bearer " + fx.token(t.member()),
                multipartHead("b").getBytes(StandardCharsets.US_ASCII), letters(), "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII), NINETEEN_MB);
        RawHttp.Answer api = streamed.answer();
        assertEquals(413, api.status(), api.body());
        assertTrue(api.header("content-type").startsWith("application/json"), api.header("content-type"));
        assertTrue(api.body().startsWith("{\"error\":\"The upload is larger than 6.0 MB; files may be at most 5.0 MB"), api.body());
        assertTrue(api.body().contains("\"details\":{\"file\":\"At most 5.0 MB\"}"), api.body());
        // Refused at 6 MB: what the client got out past it is what the sockets' buffers took, far from the 19 MB it sent on.
        assertTrue(streamed.sent() < 14L * 1024 * 1024, "sent " + streamed.sent());
        assertEquals(0, items(t));
    }

    @Test
    void aStreamedFormUploadOverTheLargestItemGetsTheFormsMessage() {
        TestData.Team t = data.team();
        String session = Web.sessionCookie(t.member());
        RawHttp.Streamed streamed = RawHttp.sendChunked("POST /projects/" + t.slug() + "/context HTTP/1.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nCookie: " + SessionCookie.NAME + "=" + session
                        + "\r\n" + CsrfTokens.HEADER + ": " + Web.csrfToken(session),
                multipartHead("b").getBytes(StandardCharsets.US_ASCII), letters(), "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII), NINETEEN_MB);
        RawHttp.Answer page = streamed.answer();
        assertEquals(413, page.status(), page.body());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        // The form re-renders with its values kept, so it reads the body (within the server's 20 MB) before it refuses it.
        assertTrue(Jsoup.parse(page.body()).text().contains("files may be at most 5.0 MB"), page.body());
        assertEquals(0, items(t));
        // Within the largest, a streamed upload is taken as before.
        RawHttp.Answer small = RawHttp.sendChunked("POST " + ApiPaths.project(t.slug(), "/context-items") + " HTTP/1.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nAuthorization: Bearer " + fx.token(t.member()),
                multipartHead("b").getBytes(StandardCharsets.US_ASCII), letters(), "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII),
                1024 * 1024).answer();
        assertEquals(201, small.status(), small.body());
    }

    @Test
    void aFileNamedWithBytesThatAreNotUtf8IsKeptUnderAReadableName() {
        TestData.Team t = data.team();
        String url = ApiPaths.project(t.slug(), "/context-items");
        String head = "POST " + url + " HTTP/1.1\r\nAuthorization: Bearer " + fx.token(t.member()) + "\r\nContent-Type: multipart/form-data; boundary=b1";
        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        latin.writeBytes("caf".getBytes(StandardCharsets.US_ASCII));
        latin.writeBytes(new byte[] {(byte) 0xe9, (byte) 0xff});
        latin.writeBytes(" notes.txt".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer notUtf8 = RawHttp.send(head, filePart("b1", latin.toByteArray()));
        assertEquals(201, notUtf8.status(), notUtf8.body());
        RawHttp.Answer replacement = RawHttp.send(head, filePart("b1", "odd \uFFFD name.txt".getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, replacement.status(), replacement.body());
        String list = "/projects/" + t.slug() + "/context";
        org.jsoup.nodes.Document d = Web.html(Web.as(t.viewer()).get(list));
        assertEquals(2, d.select(".context-item").size(), d.select("#context-items").text());
        for (Element title : d.select(".context-item .item-title")) {
            String name = title.ownText();
            assertTrue(name.equals("caf__ notes.txt") || name.equals("odd _ name.txt"), name);
        }
        // The page's form takes such a name too.
        String session = Web.sessionCookie(t.member());
        RawHttp.Answer form = RawHttp.send("POST " + list + " HTTP/1.1\r\nCookie: " + SessionCookie.NAME + "=" + session + "\r\n"
                + CsrfTokens.HEADER + ": " + Web.csrfToken(session) + "\r\nContent-Type: multipart/form-data; boundary=b1", filePart("b1", latin.toByteArray()));
        assertEquals(303, form.status(), form.body());
        assertEquals(3, items(t));
        Element added = Web.html(Web.as(t.viewer()).get(list)).selectFirst(form.header("location").substring(form.header("location").indexOf('#')));
        assertNotNull(added);
        assertEquals("caf__ notes.txt", added.selectFirst(".item-title").ownText());
        assertEquals(200, Web.as(t.viewer()).get(list + "/" + added.id().substring(5) + "/file").statusCode());
    }
}
