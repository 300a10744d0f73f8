package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The JSON API as its contract (DESIGN.md, "JSON API v1") words it, where the other API tests left a gap. */
@QuarkusTest
class ApiContractTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private RequestSpecification bearer(Account a) {
        return RestAssured.given().header("Authorization", "Bearer " + tokens.create(a.id, "contract", null, null).value());
    }

    @Test
    void contextItemFilesAndScreenshotsArriveAsMultipart() throws IOException {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        bearer(t.member()).multiPart("itemType", "screenshot").multiPart("file", "shot.png", png(), "image/png")
                .multiPart("submittedContext", "The current home page").multiPart("tags", "home")
                .post(url).then().statusCode(201).body("id", notNullValue()).body("itemType", equalTo("screenshot"))
                .body("aiAnalysis", notNullValue()).body("tags[0]", equalTo("home"));
        bearer(t.member()).multiPart("itemType", "file").multiPart("file", "notes.md", "# Users want dark mode".getBytes(), "text/markdown")
                .post(url).then().statusCode(201).body("itemType", equalTo("file"));
        bearer(t.member()).multiPart("itemType", "text").multiPart("text", "Users love dark mode")
                .post(url).then().statusCode(201).body("contentText", equalTo("Users love dark mode"));
        // The same rules as the JSON call: the type of a screenshot, the role, the login.
        bearer(t.member()).multiPart("itemType", "screenshot").multiPart("file", "shot.png", "<html></html>".getBytes(), "image/png")
                .post(url).then().statusCode(422).body("details.file", containsString("PNG, JPEG or WebP"));
        bearer(t.viewer()).multiPart("itemType", "file").multiPart("file", "notes.md", "x".getBytes())
                .post(url).then().statusCode(403).body("error", notNullValue());
        RestAssured.given().multiPart("itemType", "file").multiPart("file", "notes.md", "x".getBytes())
                .post(url).then().statusCode(401);
        bearer(t.viewer()).get(url).then().statusCode(200).body("size()", equalTo(3));
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
