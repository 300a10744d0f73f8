package dev.specboard.preview;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preview links are listed 25 a page on the previews page, the API and list_previews (past the end an empty list on the
 * API and the tool): every link a lead ever made stays with its cleanup stages, and all of them came back at once.
 */
@QuarkusTest
class PreviewPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PreviewService previews;

    @Test
    void previewsComeTwentyFiveAPageOnEveryDoor() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        UUID first = previews.create(lead, PreviewForm.of(null, 1)).id;
        for (int i = 0; i < 25; i++) {
            // Revoked as they are made: a project has at most specboard.previews.max-open open links (PreviewCapTest).
            previews.revoke(lead, previews.create(lead, PreviewForm.of(null, 2)).id);
        }
        String api = "/api/v1/projects/" + t.slug() + "/previews";
        fx.api(t.member()).get(api).then().statusCode(200).body("size()", equalTo(25));
        fx.api(t.member()).get(api + "?page=2").then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(first.toString()));
        fx.api(t.member()).get(api + "?page=3").then().statusCode(200).body("size()", equalTo(0));
        fx.api(t.member()).get(api + "?page=0").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));
        fx.api(t.member()).get(api + "/" + first).then().statusCode(200).body("id", equalTo(first.toString()));
        fx.api(t.member()).get(api + "/" + UUID.randomUUID()).then().statusCode(404);

        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String second = Mcp.answer(token, session, "list_previews", false, "project", t.slug(), "page", 2);
        assertTrue(second.contains(first.toString()), second);

        Document one = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/previews"));
        assertEquals(25, one.select("#previews > li").size());
        assertNotNull(one.selectFirst("#page-next"));
        Document two = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/previews?page=2"));
        assertEquals(1, two.select("#previews > li").size());
        assertNotNull(two.selectFirst("#preview-" + first));
    }
}
