package dev.specboard.wizard;

import dev.specboard.design.Feature;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature builder asks what users can do, as the features page, the API and MCP do: it created a feature without it.
 * Its describe step refuses an empty description (422, named, values kept); a run described before it asked is sent back
 * there by Create.
 */
@QuarkusTest
class FeatureWizardDescriptionTest {

    @Inject
    TestData data;

    @Test
    void theDescribeStepRefusesAFeatureWithoutWhatUsersCanDoKeepingTheValues() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "feature-builder");
        Response refused = Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "  ").formParam("category", "content")
                .post(base + "/describe");
        assertEquals(422, refused.statusCode());
        Document page = Web.html(refused);
        assertEquals("Say what users can do with the feature", page.getElementById("e-userDescription").text());
        assertNotNull(page.selectFirst("#error-summary a[data-field=userDescription]"), page.getElementById("error-summary").outerHtml());
        assertEquals("Contact book", page.getElementById("f-name").val(), "the values are kept");
        assertEquals("content", page.selectFirst("#f-category option[selected]").val());
        assertTrue(page.getElementById("f-userDescription").hasAttr("required"));

        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "content")
                .post(base + "/describe").then().statusCode(303);
    }

    @Test
    void createSendsARunDescribedWithoutWhatUsersCanDoBackToTheDescribeStep() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "feature-builder");
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "")
                .post(base + "/describe").then().statusCode(303);
        // As a run answered before the step asked for it has it: blank.
        WizardRun started = DesignWizardResourceTest.lastRun(t, "feature-builder");
        QuarkusTransaction.requiringNew().run(() -> {
            WizardRun run = WizardRun.findById(started.id);
            Map<String, Object> answers = new LinkedHashMap<>(run.answers);
            Map<String, Object> describe = new LinkedHashMap<>(run.answersFor(DesignStep.DESCRIBE));
            describe.put("userDescription", "");
            answers.put(DesignStep.DESCRIBE.key(), describe);
            run.answers = answers;
        });
        Document named = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertFalse(named.getElementById("step-describe").hasClass("done"), "a name alone does not describe a feature: "
                + named.getElementById("step-describe").outerHtml());
        Web.as(t.member()).formParam("businessRules", "Members can edit contacts").post(base + "/pages").then().statusCode(303);
        Web.as(t.member()).formParam("creates", "Contact").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);

        Response create = Web.as(t.member()).formParam("draftStory", "").post(base + "/review");
        assertEquals(422, create.statusCode(), create.asString());
        Document page = Web.html(create);
        assertEquals("describe", page.getElementById("wizard").attr("data-step"));
        assertEquals("Say what users can do with the feature", page.getElementById("e-userDescription").text());
        assertEquals("Contact book", page.getElementById("f-name").val());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Feature.count("projectId", t.project().id)), "no feature was created");

        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "")
                .post(base + "/describe").then().statusCode(303);
        Document reopened = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertEquals("pages", reopened.getElementById("wizard").attr("data-step"), "the run goes on from there");
        assertTrue(reopened.getElementById("step-describe").hasClass("done"), "described: the step is done");
    }
}
