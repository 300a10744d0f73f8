package dev.specboard.api;

import dev.specboard.design.ContextItem;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multipart context item is held to the JSON call's rules: a file without its type names itemType (it was refused
 * for missing text, the file ignored), a body without a boundary is 400 malformed (it was read as an empty form), a
 * text part that is not UTF-8 is 400 as a JSON body is (it was stored with replacement characters), and a second
 * file is refused by name (one was dropped without a word). The page's form re-renders such refusals with the values.
 */
@QuarkusTest
class ContextItemMultipartTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static final byte[] NOTES = "Plain notes".getBytes(StandardCharsets.UTF_8);

    private static long items(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> ContextItem.count("projectId", t.project().id));
    }

    @Test
    void theMultipartCallRefusesWhatTheJsonCallRefuses() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        String token = fx.token(t.member());

        fx.api(t.member()).contentType("multipart/form-data").multiPart("file", "notes.txt", NOTES, "text/plain").post(url)
                .then().statusCode(422).body("details.itemType", containsString("Choose text, url, file or screenshot"))
                .body("details", aMapWithSize(1));
        fx.api(t.member()).body(Map.of("fileName", "notes.txt", "contentBase64", "UGxhaW4gbm90ZXM=")).post(url)
                .then().statusCode(422).body("details.itemType", containsString("Choose text, url, file or screenshot"));

        RawHttp.Answer noBoundary = RawHttp.send("POST " + url + " HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data", "xx");
        assertEquals(400, noBoundary.status(), noBoundary.body());
        assertTrue(noBoundary.body().contains("\"error\":\"The request body is malformed: a multipart Content-Type must name its boundary")
                && noBoundary.body().contains("\"details\":{}"), noBoundary.body());

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b1\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\ntext\r\n"
                + "--b1\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello ").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
        body.writeBytes("\r\n--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer latin = RawHttp.send("POST " + url + " HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=b1", body.toByteArray());
        assertEquals(400, latin.status(), latin.body());
        assertTrue(latin.body().contains("The field text is not valid UTF-8") && latin.body().contains("\"text\":\"not valid UTF-8\""),
                latin.body());

        fx.api(t.member()).contentType("multipart/form-data").multiPart("itemType", "file").multiPart("file", "a.txt", NOTES, "text/plain")
                .multiPart("file", "b.txt", NOTES, "text/plain").post(url)
                .then().statusCode(422).body("details.file", equalTo("One file per item: this request has 2 file parts"));
        assertEquals(0, items(t), "nothing was stored");

        fx.api(t.member()).contentType("multipart/form-data").multiPart("itemType", "file").multiPart("file", "a.txt", NOTES, "text/plain")
                .post(url).then().statusCode(201).body("itemType", equalTo("file"));
        // The same part in UTF-8 is taken, as ever.
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes(("--b1\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello Käse\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer taken = RawHttp.send("POST " + url + " HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=b1", utf8.toByteArray());
        assertEquals(201, taken.status(), taken.body());
        assertTrue(taken.body().contains("\"contentText\":\"hello Käse\""), taken.body());
    }

    @Test
    void thePageFormReRendersTheSameRefusalsWithTheValuesKept() {
        TestData.Team t = data.team();
        String page = "/projects/" + t.slug() + "/context";
        Response untyped = Web.as(t.member()).multiPart("file", "notes.txt", NOTES, "text/plain")
                .multiPart("submittedContext", "Kept for the team").post(page);
        assertEquals(422, untyped.statusCode());
        Document d = Web.html(untyped);
        assertTrue(d.selectFirst("#e-itemType").text().contains("Choose text, url, file or screenshot"), d.html());
        assertEquals("Kept for the team", d.selectFirst("#f-submittedContext").text());

        Response twoFiles = Web.as(t.member()).multiPart("itemType", "file").multiPart("file", "a.txt", NOTES, "text/plain")
                .multiPart("file", "b.txt", NOTES, "text/plain").multiPart("submittedContext", "Both notes").post(page);
        assertEquals(422, twoFiles.statusCode());
        Document two = Web.html(twoFiles);
        assertEquals("One file per item: this request has 2 file parts", two.selectFirst("#e-file").text());
        assertEquals("Both notes", two.selectFirst("#f-submittedContext").text());
        assertEquals(0, items(t), "nothing was stored");
    }
}
