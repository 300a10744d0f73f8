package dev.specboard.api;

import dev.specboard.architecture.BoundedContext;
import dev.specboard.architecture.Component;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stale save of a bounded context or a component names who saved the version it missed (contexts.updated_by and
 * components.updated_by, V1006), on the pages, over the API and with MCP, as stories and design docs do; before, it said
 * "someone else".
 */
@QuarkusTest
class ArchitectureStaleSaverTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aStaleContextSaveNamesWhoSavedTheNewerVersion() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/contexts";
        String id = Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Products")).post(api)
                .then().statusCode(201).extract().path("id");
        assertEquals(t.member().id, QuarkusTransaction.requiringNew().call(() -> BoundedContext.<BoundedContext>findById(UUID.fromString(id)).updatedBy),
                "a creation saves version 1");
        Api.as(t.lead()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Products and prices", "version", 1)).put(api + "/" + id)
                .then().statusCode(200).body("version", equalTo(2));

        Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Books", "version", 1)).put(api + "/" + id)
                .then().statusCode(409).body("error", equalTo("The context Catalog was changed by " + t.lead().username
                        + " while you edited it (you edited version 1, it is now version 2). Nothing is lost: compare both texts and save again."))
                .body("details.current.purpose", equalTo("Products and prices")).body("details.yours.purpose", equalTo("Books"));
        Api.as(t.lead()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Mine", "version", 1)).put(api + "/" + id)
                .then().statusCode(409).body("error", equalTo("The context Catalog was changed by you in another request"
                        + " while you edited it (you edited version 1, it is now version 2). Nothing is lost: compare both texts and save again."));

        Response stale = Web.as(t.member()).contentType(FORM).formParam("name", "Catalog").formParam("type", "domain")
                .formParam("purpose", "Books").formParam("version", "1").post("/projects/" + t.slug() + "/contexts/" + id);
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        String conflict = page.getElementById("conflict").text();
        assertTrue(conflict.contains(t.lead().username + " saved version 2"), conflict);
        assertEquals("Products and prices", page.select("#conflict pre.theirs").get(2).wholeText(), "theirs shown");
        assertEquals("Books", page.getElementById("f-purpose").wholeText(), "yours kept");

        String token = fx.token(t.lead());
        String session = Mcp.initialize(token);
        Web.as(t.member()).contentType(FORM).formParam("name", "Catalog").formParam("type", "domain")
                .formParam("purpose", "Books at last").formParam("version", "2").post("/projects/" + t.slug() + "/contexts/" + id)
                .then().statusCode(303);
        String refused = Mcp.answer(token, session, "approve_context", true, "project", t.slug(), "contextId", id, "version", 2);
        assertTrue(refused.contains("The context Catalog was changed by " + t.member().username + " after you opened it"), refused);
        assertTrue(refused.contains("\"currentVersion\":3"), refused);
        assertEquals(t.member().id, QuarkusTransaction.requiringNew().call(() -> BoundedContext.<BoundedContext>findById(UUID.fromString(id)).updatedBy),
                "the page's save is recorded");
    }

    @Test
    void aStaleComponentSaveNamesWhoSavedTheNewerVersion() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/components";
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String id = Mcp.id(Mcp.answer(token, session, "create_component", false, "project", t.slug(), "name", "Cart", "filePath", "lib/cart.ex"));
        assertEquals(t.member().id, QuarkusTransaction.requiringNew().call(() -> Component.<Component>findById(UUID.fromString(id)).updatedBy),
                "MCP's creation saves version 1");
        Web.as(t.lead()).contentType(FORM).formParam("name", "Basket").formParam("type", "schema").formParam("version", "1")
                .post("/projects/" + t.slug() + "/components/" + id).then().statusCode(303);

        Api.as(t.member()).body(Map.of("name", "Trolley", "type", "task", "version", 1)).put(api + "/" + id)
                .then().statusCode(409).body("error", equalTo("The component Basket was changed by " + t.lead().username
                        + " while you edited it (you edited version 1, it is now version 2). Nothing is lost: compare both texts and save again."))
                .body("details.current.name", equalTo("Basket"));

        Response stale = Web.as(t.member()).contentType(FORM).formParam("name", "Trolley").formParam("type", "task")
                .formParam("version", "1").post("/projects/" + t.slug() + "/components/" + id);
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        assertTrue(page.getElementById("e-version").text().contains("changed by " + t.lead().username + " while you edited it"),
                page.getElementById("e-version").text());
        assertTrue(page.getElementById("current-values").text().contains("Basket"), "theirs shown");
        assertEquals("Trolley", page.getElementById("f-name").val(), "yours kept");

        Api.as(t.member()).body(Map.of("name", "Trolley", "type", "task", "version", 2)).put(api + "/" + id).then().statusCode(200);
        Response own = Web.as(t.member()).contentType(FORM).formParam("name", "Cart again").formParam("type", "task")
                .formParam("version", "2").post("/projects/" + t.slug() + "/components/" + id);
        assertEquals(409, own.statusCode());
        assertTrue(Web.html(own).getElementById("e-version").text().contains("changed by you in another tab or window"),
                Web.html(own).getElementById("e-version").text());
    }
}
