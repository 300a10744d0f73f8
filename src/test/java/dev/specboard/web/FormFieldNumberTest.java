package dev.specboard.web;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form's hidden whole-number field (the version an edit was read at) that is not a number was answered with a bare
 * "Bad request"; it is refused with 400 naming the field, on the error page.
 */
@QuarkusTest
class FormFieldNumberTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    TestData data;

    @Test
    void aVersionThatIsNotANumberIsNamed() {
        TestData.Team t = data.team();
        String stories = "/projects/" + t.slug() + "/stories";
        Web.as(t.member()).contentType(FORM).formParam("title", "First").post(stories).then().statusCode(303);
        for (String version : new String[] {"abc", "1.5", "9".repeat(30)}) {
            Response r = Web.as(t.member()).contentType(FORM).formParam("title", "Renamed").formParam("version", version)
                    .post(stories + "/1");
            assertEquals(400, r.statusCode(), version);
            String message = Web.html(r).getElementById("error-message").text();
            assertTrue(message.endsWith("The form field version must be a whole number"), message);
        }
        Web.as(t.member()).get(stories + "/1").then().statusCode(200);
    }
}
