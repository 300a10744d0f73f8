package dev.specboard.spec;

import dev.specboard.support.TestData;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A spec's approval covers the text the lead read: a change of an approved spec sends it back to draft, and a save or an
 * approval based on an older version is refused with both versions' texts, as every other document's refusal gives them.
 */
@QuarkusTest
class SpecApprovalEditTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aChangedApprovedSpecIsADraftAgainAndItsLeadApprovesTheNewText() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/specs";
        fx.api(t.member()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "Ship it.")).post(url).then().statusCode(201);
        fx.api(t.lead()).body(Map.of("version", 1)).post(url + "/SPEC-1/approve").then().statusCode(200).body("status", org.hamcrest.Matchers.is("approved"));

        Response edited = fx.api(t.member()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "Ship it twice.", "version", 1))
                .put(url + "/SPEC-1");
        assertEquals(200, edited.statusCode(), edited.asString());
        assertEquals("draft", edited.path("status"), "the approval was of a text that is no longer the spec's");
        fx.api(t.lead()).body(Map.of("version", 2)).post(url + "/SPEC-1/approve").then().statusCode(200).body("status", org.hamcrest.Matchers.is("approved"));
    }

    @Test
    void aStaleSaveOrApprovalAnswersBothVersionsTexts() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/specs";
        fx.api(t.member()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "First text.")).post(url).then().statusCode(201);
        fx.api(t.lead()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "Lead's text.", "version", 1)).put(url + "/SPEC-1")
                .then().statusCode(200);

        Response save = fx.api(t.member()).body(Map.of("title", "Ship it", "specType", "monolithic", "content", "Mine.", "version", 1))
                .put(url + "/SPEC-1");
        assertEquals(409, save.statusCode(), save.asString());
        assertEquals("Lead's text.", save.path("details.current.content"));
        assertEquals("Ship", save.path("details.current.title"));
        assertEquals("Mine.", save.path("details.yours.content"), "what was typed comes back");
        assertEquals("Ship it", save.path("details.yours.title"));
        assertEquals(2, (int) save.path("details.currentVersion"));

        Response approval = fx.api(t.lead()).body(Map.of("version", 1)).post(url + "/SPEC-1/approve");
        assertEquals(409, approval.statusCode(), approval.asString());
        assertEquals("Lead's text.", approval.path("details.current.content"));
        assertEquals("First text.", approval.path("details.yours.content"), "the version the lead read");
        assertEquals("draft", fx.api(t.lead()).get(url + "/SPEC-1").path("status"), "nothing was approved");
    }
}
