package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.LockWaits;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.specboard.design.PageResourceTest.createPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page is deleted from its screen or the API with its mockups; what named it lets go, and a page with pages under it is refused. */
@QuarkusTest
class PageDeleteTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PageService pages;

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void aMemberDeletesAPageWithItsMockupsAndFeaturesAndJourneysLetGoOfIt() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String home = createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String lessons = createPage(t, "Lessons", "/lessons", home, DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        String about = createPage(t, "About us", "/about", null, DesignFixtures.HOME_HTML, null);
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Learning", "affectedPages", List.of("/about", "/lessons")))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        String journey = fx.api(t.member()).body(Map.of("name", "Visit", "nodes", List.of(Map.of("key", "about", "nodeType", "screen",
                "data", Map.of("page", "/about"))), "connections", List.of())).post(api + "/journeys").then().statusCode(201).extract().path("id");

        String page = "/projects/" + t.slug() + "/pages/" + about;
        assertNull(Web.html(Web.as(t.viewer()).get(page)).selectFirst("#delete-form"), "a viewer is offered no Delete");
        Element form = Web.html(Web.as(t.member()).get(page)).selectFirst("form#delete-form");
        assertNotNull(form);
        assertEquals(page + "/delete", form.attr("action"));
        assertTrue(form.attr("data-confirm").contains("About us"), "the deletion is confirmed first: " + form.attr("data-confirm"));
        assertNotNull(form.selectFirst("input[type=hidden][name]"), "the form carries the CSRF token");
        assertEquals("Delete this page", form.selectFirst("button[type=submit]").text());
        assertEquals(403, Web.as(t.viewer()).formParam("x", "1").post(page + "/delete").statusCode());
        assertEquals(404, Web.as(t.outsider()).formParam("x", "1").post(page + "/delete").statusCode());
        assertEquals(404, Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/not-an-id/delete").statusCode());

        Response deleted = Web.as(t.member()).formParam("x", "1").post(page + "/delete");
        assertEquals(303, deleted.statusCode(), deleted.asString());
        assertTrue(deleted.getHeader("Location").endsWith("/projects/" + t.slug() + "/design"), deleted.getHeader("Location"));
        assertNotNull(deleted.getCookie("sb_flash"), "the tree tells what happened");
        assertEquals(404, Web.as(t.member()).get(page).statusCode());
        assertEquals(404, Web.as(t.member()).get(page + "/mockups/1").statusCode(), "its mockups went with it");
        fx.api(t.viewer()).get(api + "/pages/" + about + "/mockups/1").then().statusCode(404);
        Map<String, Object> f = fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("");
        assertEquals(List.of("/lessons"), f.get("affectedPages"), "the feature no longer affects the deleted page");
        assertEquals(2, f.get("version"), "a feature changed this way is a new version");
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + feature).statusCode());
        List<Map<String, Object>> problems = fx.api(t.viewer()).get(api + "/journeys/" + journey).then().statusCode(200).extract().path("problems");
        assertTrue(problems.stream().anyMatch(p -> String.valueOf(p.get("message")).contains("names no page")),
                "the journey's check flags the screen that showed it: " + problems);
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys/" + journey).statusCode());
        Document search = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=about&kind=page").then().statusCode(200).extract().response());
        assertTrue(search.select("a[href$=" + about + "]").isEmpty(), "search no longer finds it");
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/design").statusCode());
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").statusCode());

        // Home has Lessons under it: refused on every door, naming the page under it, and nothing changes.
        String homePage = "/projects/" + t.slug() + "/pages/" + home;
        Document parent = Web.html(Web.as(t.member()).get(homePage));
        assertNull(parent.selectFirst("#delete-form"), "no Delete while pages sit under it");
        assertNotNull(parent.selectFirst("#delete-blocked"));
        assertEquals(409, Web.as(t.member()).formParam("x", "1").post(homePage + "/delete").statusCode());
        String refusal = fx.api(t.member()).delete(api + "/pages/" + home).then().statusCode(409).extract().path("error");
        assertTrue(refusal.contains("Lessons /lessons"), refusal);
        assertEquals(List.of("/lessons"), fx.api(t.member()).delete(api + "/pages/" + home).then().statusCode(409).extract().path("details.children"));
        fx.api(t.viewer()).get(api + "/pages/" + home).then().statusCode(200);

        String lessonsApi = api + "/pages/" + lessons;
        fx.api(t.viewer()).delete(lessonsApi).then().statusCode(403);
        fx.api(t.outsider()).delete(lessonsApi).then().statusCode(404);
        fx.api(t.member()).delete(api + "/pages/not-an-id").then().statusCode(404);
        fx.api(t.member()).delete(lessonsApi).then().statusCode(204);
        fx.api(t.member()).delete(lessonsApi).then().statusCode(404);
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("affectedPages"));
        fx.api(t.member()).delete(api + "/pages/" + home).then().statusCode(204);
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/pages").then().statusCode(200).extract().path(""));

        String last = createPage(t, "Kept", "/kept", null, null, null);
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        assertEquals(409, Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/" + last + "/delete").statusCode());
        fx.api(t.member()).delete(api + "/pages/" + last).then().statusCode(409);
        fx.api(t.viewer()).get(api + "/pages/" + last).then().statusCode(200);
    }

    /** The lock order of Feature.dropPage: a save naming the page while it is deleted waits, then is told the page is gone. */
    @Test
    void aFeatureSavedWhileItsPageIsDeletedWaitsAndIsToldThePageIsGone() throws Exception {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = createPage(t, "Orders", "/orders", null, DesignFixtures.HOME_HTML, null);
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Ordering")).post(api + "/features").then().statusCode(201).extract().path("id");

        CompletableFuture<Integer> held = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            pages.delete(new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id), UUID.fromString(page));
            held.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
            commit.join();
        }));
        int deleting = held.get(60, TimeUnit.SECONDS);
        try {
            // Both read the page as still there (the deletion has not committed): each must wait for the deletion.
            CompletableFuture<io.restassured.response.Response> save = CompletableFuture.supplyAsync(() -> fx.api(t.member())
                    .body(Map.of("name", "Ordering", "affectedPages", List.of("/orders"), "version", 1)).put(api + "/features/" + feature)
                    .then().extract().response());
            LockWaits.awaitOneBlockedBy(deleting);
            commit.complete(null);
            deletion.get(60, TimeUnit.SECONDS);
            io.restassured.response.Response saved = save.get(60, TimeUnit.SECONDS);
            assertEquals(422, saved.statusCode(), saved.asString());
            assertTrue(saved.asString().contains("There is no page /orders"), saved.asString());
        } finally {
            commit.complete(null);
        }
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("affectedPages"));
    }

    /** A mockup saved on the page being deleted waits for the deletion and is told the page is gone (404), not a 500. */
    @Test
    void aMockupSavedWhileItsPageIsDeletedWaitsAndIsToldThePageIsGone() throws Exception {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = createPage(t, "Cart", "/cart", null, DesignFixtures.HOME_HTML, null);
        CompletableFuture<Integer> held = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            pages.delete(new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id), UUID.fromString(page));
            held.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
            commit.join();
        }));
        int deleting = held.get(60, TimeUnit.SECONDS);
        try {
            CompletableFuture<io.restassured.response.Response> save = CompletableFuture.supplyAsync(() -> fx.api(t.member())
                    .body(Map.of("html", "<main><h1>Cart</h1></main>")).post(api + "/pages/" + page + "/mockups").then().extract().response());
            LockWaits.awaitOneBlockedBy(deleting);
            commit.complete(null);
            deletion.get(60, TimeUnit.SECONDS);
            io.restassured.response.Response saved = save.get(60, TimeUnit.SECONDS);
            assertEquals(404, saved.statusCode(), saved.asString());
        } finally {
            commit.complete(null);
        }
        fx.api(t.viewer()).get(api + "/pages/" + page).then().statusCode(404);
    }
}
