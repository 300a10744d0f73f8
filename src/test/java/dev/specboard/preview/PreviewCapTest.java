package dev.specboard.preview;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project has at most {@code specboard.previews.max-open} open preview links: each copies the mockups to disk, and 150
 * made at once were all accepted. Past the cap every door (the page's form, the API, the tool) refuses with the cap and what
 * to do, nothing is made, and a revoked or expired link frees its place.
 */
@QuarkusTest
class PreviewCapTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PreviewService previews;

    @ConfigProperty(name = "specboard.previews.max-open")
    int maxOpen;

    @Test
    void pastTheCapOfOpenLinksEveryDoorRefusesUntilOneIsRevokedOrExpired() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < maxOpen; i++) {
            made.add(previews.create(lead, PreviewForm.of(null, 2)).id);
        }
        String message = "This project already has " + maxOpen + " open preview links, the most it may have: revoke one to create another.";

        String url = "/api/v1/projects/" + t.slug() + "/previews";
        fx.api(t.lead()).contentType("application/json").body("{\"hours\":720}").post(url).then().statusCode(422)
                .body("details.pagePath", equalTo(message));
        Response form = Web.as(t.lead()).formParam("page", "").formParam("hours", "7").post("/projects/" + t.slug() + "/previews");
        assertEquals(422, form.statusCode());
        Document page = Web.html(form);
        assertEquals(message, page.selectFirst("#e-page").text());
        assertEquals("7", page.selectFirst("#f-hours").val(), "the hours typed are kept");
        String token = fx.token(t.lead());
        String session = Mcp.initialize(token);
        assertTrue(Mcp.answer(token, session, "create_preview", true, "project", t.slug(), "hours", 3).contains(message));
        assertEquals((long) maxOpen, QuarkusTransaction.requiringNew().call(() -> PreviewSession.count("projectId", t.project().id)),
                "nothing was made past the cap");

        // A revoked link frees its place, and so does an expired one.
        previews.revoke(lead, made.get(0));
        fx.api(t.lead()).contentType("application/json").body("{\"hours\":720}").post(url).then().statusCode(201);
        fx.api(t.lead()).contentType("application/json").body("{\"hours\":720}").post(url).then().statusCode(422);
        QuarkusTransaction.requiringNew().run(() -> PreviewSession.<PreviewSession>findById(made.get(1)).expiresAt = java.time.Instant.now().minusSeconds(1));
        assertTrue(Mcp.answer(token, session, "create_preview", false, "project", t.slug(), "hours", 3).contains("READY"));

        // The cap is the project's: another project's leads are not held back by it.
        TestData.Team other = data.team();
        PreviewLifecycleTest.page(other, "Home", "/home", "<h1>Hi</h1>", "");
        fx.api(other.lead()).contentType("application/json").body("{\"hours\":1}").post("/api/v1/projects/" + other.slug() + "/previews")
                .then().statusCode(201);
    }
}
