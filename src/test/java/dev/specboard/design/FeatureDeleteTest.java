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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feature is deleted from its screen or the API; its stories stay, its open thoughts go. */
@QuarkusTest
class FeatureDeleteTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    FeatureService features;

    @Inject
    EntityManager em;

    @Test
    void aMemberDeletesAFeatureAndItsStoriesStay() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        EntityResourceTest.contactPages(t);
        String feature = fx.api(t.member()).body(Map.of("name", "Address book", "userDescription", "Members keep addresses",
                "affectedPages", List.of("/contacts-new", "/contacts"), "businessRules", List.of("Members can edit contacts")))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        int story = fx.api(t.member()).post(api + "/features/" + feature + "/stories").then().statusCode(201).extract().path("number");
        List<Map<String, Object>> inferred = thoughtsAbout(t, feature);
        assertTrue(inferred.size() >= 2, "the rules' operations are thoughts: " + inferred);
        fx.api(t.member()).post(api + "/thinking/" + inferred.get(0).get("id") + "/confirm").then().statusCode(200);

        String page = "/projects/" + t.slug() + "/features/" + feature;
        assertNull(Web.html(Web.as(t.viewer()).get(page)).selectFirst("#delete-form"), "a viewer is offered no Delete");
        Element form = Web.html(Web.as(t.member()).get(page)).selectFirst("form#delete-form");
        assertNotNull(form);
        assertEquals(page + "/delete", form.attr("action"));
        assertTrue(form.attr("data-confirm").contains("Address book") && form.attr("data-confirm").contains("1 story"),
                "the deletion is confirmed first, saying the story stays: " + form.attr("data-confirm"));
        assertNotNull(form.selectFirst("input[type=hidden][name]"), "the form carries the CSRF token");
        assertEquals("Delete this feature", form.selectFirst("button[type=submit]").text());
        assertEquals(403, Web.as(t.viewer()).formParam("x", "1").post(page + "/delete").statusCode());
        assertEquals(404, Web.as(t.outsider()).formParam("x", "1").post(page + "/delete").statusCode());

        Response deleted = Web.as(t.member()).formParam("x", "1").post(page + "/delete");
        assertEquals(303, deleted.statusCode(), deleted.asString());
        assertTrue(deleted.getHeader("Location").endsWith("/projects/" + t.slug() + "/features"), deleted.getHeader("Location"));
        assertNotNull(deleted.getCookie("sb_flash"), "the list tells what happened");
        assertEquals(404, Web.as(t.member()).get(page).statusCode());
        fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(404);
        fx.api(t.viewer()).get(api + "/stories/" + story).then().statusCode(200);
        Document storyPage = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/stories/" + story).then().statusCode(200).extract().response());
        assertTrue(storyPage.select("a[href$=" + feature + "]").isEmpty(), "the story no longer names the deleted feature");
        List<Map<String, Object>> left = thoughtsAbout(t, feature);
        assertEquals(1, left.size(), "the open thoughts about its operations went, the confirmed one stays: " + left);
        assertEquals(inferred.get(0).get("id"), left.get(0).get("id"));
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").statusCode());
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/features").statusCode());
        Document search = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=address&kind=feature").then().statusCode(200).extract().response());
        assertTrue(search.select("a[href$=" + feature + "]").isEmpty(), "search no longer finds it");

        String other = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Calendar")).post(api + "/features").then().statusCode(201).extract().path("id");
        String otherApi = api + "/features/" + other;
        fx.api(t.viewer()).delete(otherApi).then().statusCode(403);
        fx.api(t.outsider()).delete(otherApi).then().statusCode(404);
        fx.api(t.member()).delete(api + "/features/not-an-id").then().statusCode(404);
        fx.api(t.member()).delete(otherApi).then().statusCode(204);
        fx.api(t.member()).delete(otherApi).then().statusCode(404);
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features").then().statusCode(200).extract().path(""));

        String last = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Kept")).post(api + "/features").then().statusCode(201).extract().path("id");
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        assertEquals(409, Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/features/" + last + "/delete").statusCode());
        fx.api(t.member()).delete(api + "/features/" + last).then().statusCode(409);
        fx.api(t.viewer()).get(api + "/features/" + last).then().statusCode(200);
    }

    /** A save of the feature being deleted waits for the deletion and is told the feature is gone (404), not a 500. */
    @Test
    void aFeatureSavedWhileItIsDeletedWaitsAndIsToldItIsGone() throws Exception {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Ordering")).post(api + "/features").then().statusCode(201).extract().path("id");
        CompletableFuture<Integer> held = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            features.delete(new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id), UUID.fromString(feature));
            held.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
            commit.join();
        }));
        int deleting = held.get(60, TimeUnit.SECONDS);
        try {
            CompletableFuture<Response> save = CompletableFuture.supplyAsync(() -> fx.api(t.member())
                    .body(Map.of("name", "Ordering online", "version", 1)).put(api + "/features/" + feature).then().extract().response());
            LockWaits.awaitOneBlockedBy(deleting);
            commit.complete(null);
            deletion.get(60, TimeUnit.SECONDS);
            Response saved = save.get(60, TimeUnit.SECONDS);
            assertEquals(404, saved.statusCode(), saved.asString());
        } finally {
            commit.complete(null);
        }
        fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(404);
    }

    private List<Map<String, Object>> thoughtsAbout(TestData.Team t, String feature) {
        List<Map<String, Object>> all = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().statusCode(200).extract().path("");
        return all.stream().filter(q -> String.valueOf(q.get("subject")).startsWith("operation:" + feature + ".")).toList();
    }
}
