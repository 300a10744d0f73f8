package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.DiffMarks;
import dev.specboard.support.SqlCounter;
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
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class EntityResourceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityService entities;

    @Inject
    ThoughtService thoughts;

    @Inject
    EntityManager em;

    static void contactPages(TestData.Team t) {
        PageResourceTest.createPage(t, "New contact", "/contacts-new", null, EntityFixtures.NEW_CONTACT, "");
        PageResourceTest.createPage(t, "Contacts", "/contacts", null, EntityFixtures.CONTACTS, "");
        PageResourceTest.createPage(t, "Edit contact", "/contacts-edit", null, EntityFixtures.EDIT_CONTACT, "");
        PageResourceTest.createPage(t, "Companies", "/companies", null, EntityFixtures.COMPANIES, "");
    }

    /**
     * Waits until the inference that creating the pages started in the background (the design system worker infers the
     * entities again after each change of mockups) has ended: one that ends after a test read an entity's version makes
     * the test's rename a stale save (409).
     */
    public static void quiet(SpecApiFixtures fx, TestData.Team t) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        Object before = null;
        while (true) {
            DesignSystemResourceTest.settled(t);
            Object now = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/entities")).then().statusCode(200).extract().path("version");
            if (now != null && now.equals(before) && !((List<?>) now).isEmpty()) {
                return;
            }
            assertTrue(java.time.Instant.now().isBefore(deadline), "the background inference did not end in time");
            before = now;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The entity as the API lists it now, with the version a rename or field edit names. */
    static Map<String, Object> listed(SpecApiFixtures fx, TestData.Team t, String name) {
        List<Map<String, Object>> all = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/entities")).then().statusCode(200).extract().path("");
        return entity(all, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> entity(List<Map<String, Object>> all, String name) {
        return all.stream().filter(e -> name.equals(e.get("entityName"))).findFirst().orElseThrow(() -> new AssertionError(name + " in " + all));
    }

    @SuppressWarnings("unchecked")
    /** The entity's version as the API lists it now: what a rename or field edit names. */
    private String version(TestData.Team t, String id) {
        List<Map<String, Object>> all = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/entities")).then().statusCode(200).extract().path("");
        return String.valueOf(all.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow().get("version"));
    }

    static Map<String, Object> thought(List<Map<String, Object>> all, String subject) {
        return all.stream().filter(e -> subject.equals(e.get("subject"))).findFirst().orElseThrow(() -> new AssertionError(subject + " in " + all));
    }

    @Test
    @SuppressWarnings("unchecked")
    void entitiesAreInferredAndARejectedFieldIsGoneWithItsDependentsFlagged() {
        TestData.Team t = data.team();
        contactPages(t);
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        Map<String, Object> contact = entity(inferred, "Contact");
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) contact.get("fields");
        assertEquals("email", fields.get("email").get("type"));
        assertEquals(true, fields.get("email").get("required"));
        assertEquals(List.of("/contacts-new", "/contacts", "/contacts-edit"), fields.get("email").get("inferredFrom"));
        assertTrue(((Number) fields.get("email").get("confidence")).doubleValue() > ((Number) fields.get("notes").get("confidence")).doubleValue());
        assertEquals("reference", fields.get("company").get("type"));
        assertEquals("Company", ((List<Map<String, Object>>) contact.get("relationships")).get(0).get("targetEntity"));
        assertEquals(false, contact.get("userConfirmed"));
        assertNotNull(entity(inferred, "Company"));

        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> field = thought(thoughts, "field:Contact.company");
        Map<String, Object> relationship = thought(thoughts, "relationship:Contact.company");
        assertEquals(List.of(field.get("id")), relationship.get("dependsOn"));
        assertTrue(((List<String>) field.get("leadsTo")).contains(relationship.get("id")));
        assertEquals("inference", field.get("thoughtType"));
        assertTrue(((List<String>) field.get("dependsOn")).contains(thought(thoughts, "entity:Contact").get("id")));
        Map<String, Object> question = thought(thoughts, "question:Company");
        assertEquals(true, question.get("needsAnswer"), "nothing creates a Company: the assistant asks");

        assertEquals(403, Web.as(t.viewer()).formParam("x", "").post("/projects/" + t.slug() + "/thinking/" + field.get("id") + "/reject").statusCode());
        Response rejected = Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/thinking/" + field.get("id") + "/reject");
        assertEquals(303, rejected.statusCode());

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/entities").then().statusCode(200).extract().response());
        String contactId = (String) contact.get("id");
        assertNotNull(page.selectFirst("#entity-picture svg"));
        assertNotNull(page.selectFirst("#entity-model > ul.legend"), "the key follows the picture, outside its scroller");
        assertNull(page.selectFirst("#entity-picture .legend"), "inside the scroller it wrapped at the picture's width");
        assertNull(page.selectFirst("#entity-picture .diagram-outline"));
        assertNull(page.selectFirst("#field-" + contactId + "-company"), "the rejected field is gone");
        assertNotNull(page.selectFirst("#field-" + contactId + "-email"));
        assertNull(page.selectFirst("#relationships-" + contactId), "its relationship went with it");
        Document thinking = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking?status=review").then().statusCode(200).extract().response());
        assertNotNull(thinking.selectFirst("#review-" + relationship.get("id")), "the thought built on it is flagged for review");
        assertEquals("Rejected", Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking")).selectFirst("#status-" + field.get("id")).text());

        List<Map<String, Object>> again = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        assertFalse(((Map<String, Object>) entity(again, "Contact").get("fields")).containsKey("company"), "a rejected inference does not come back");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFieldNameOfHundredsOfCharactersIsCappedAndRejectingItRemovesIt() {
        TestData.Team t = data.team();
        String longName = "very_long_field_".repeat(30) + "end";
        PageResourceTest.createPage(t, "Guest book", "/guests", null, "<main><form data-entity=\"guest\"><label>Nickname <input name=\""
                + longName + "\" required></label><label>Email <input type=\"email\" name=\"email\"></label><button>Sign</button></form></main>", "");
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        Map<String, Object> guest = entity(inferred, "Guest");
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) guest.get("fields");
        String stored = longName.substring(0, EntityInference.MAX_FIELD);
        assertEquals(java.util.Set.of(stored, "email"), fields.keySet(), "the field name is cut like a renamed field's");
        assertEquals(true, fields.get(stored).get("required"));

        List<Map<String, Object>> all = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Object field = thought(all, "field:Guest." + stored).get("id");
        fx.api(t.member()).post(api + "/thinking/" + field + "/reject").then().statusCode(200);
        Map<String, Object> after = entity(fx.api(t.viewer()).get(api + "/entities").then().statusCode(200).extract().path(""), "Guest");
        assertEquals(java.util.Set.of("email"), ((Map<String, Object>) after.get("fields")).keySet(), "the rejected field is gone");
    }

    /**
     * An inference reads the entities and thoughts without row locks and writes them back whole; a decision taken
     * meanwhile was overwritten (user_confirmed back to false, a rejected field back). Decisions now wait for it.
     */
    @Test
    void decisionsWaitForARunningInferenceOfTheProject() throws Exception {
        TestData.Team t = data.team();
        contactPages(t);
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        UUID contact = UUID.fromString((String) entity(inferred, "Contact").get("id"));
        List<Map<String, Object>> all = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        UUID notes = UUID.fromString((String) thought(all, "field:Contact.notes").get("id"));
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);

        assertWaitsForTheInference(t.project().id, () -> entities.confirm(member, contact));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> InferredEntity.<InferredEntity>findById(contact).userConfirmed));
        assertWaitsForTheInference(t.project().id, () -> thoughts.reject(member, notes, null));
        assertEquals("rejected", QuarkusTransaction.requiringNew().call(() -> Thought.<Thought>findById(notes).status));
    }

    /** Holds the project's inference lock in another transaction while the decision runs, and sees the decision wait. */
    private void assertWaitsForTheInference(UUID projectId, Supplier<?> decision) throws Exception {
        LockWaits.assertWaitsFor(() -> InferredEntity.lockInference(projectId), decision, "the decision");
    }


    @Test
    @SuppressWarnings("unchecked")
    void confirmedRenamedAndRemovedEntitiesSurviveLaterInferences() {
        TestData.Team t = data.team();
        contactPages(t);
        // The pages' background inference, ending after a version is read below, would make that save stale.
        quiet(fx, t);
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        String contact = (String) entity(inferred, "Contact").get("id");
        String company = (String) entity(inferred, "Company").get("id");
        String base = "/projects/" + t.slug() + "/entities/";

        Response bad = Web.as(t.member()).formParam("name", "no spaces allowed").post(base + contact + "/rename");
        assertEquals(422, bad.statusCode());
        assertNotNull(Web.html(bad).selectFirst("#e-name"));
        assertEquals("no spaces allowed", Web.html(bad).getElementById("name-" + contact).val(), "what was typed is kept");
        Response badField = Web.as(t.member()).formParam("to", "Full Name").post(base + contact + "/fields/name/rename");
        assertEquals(422, badField.statusCode());
        assertEquals("Full Name", Web.html(badField).getElementById("to-" + contact + "-name").val(), "what was typed is kept");
        assertEquals("email", Web.html(badField).getElementById("to-" + contact + "-email").val(), "other fields show their names");
        assertEquals("e-to", Web.html(badField).getElementById("to-" + contact + "-name").attr("aria-describedby"));
        Response taken = Web.as(t.member()).formParam("to", "email").formParam("version", version(t, contact))
                .post(base + contact + "/fields/name/rename");
        assertEquals(409, taken.statusCode());
        assertEquals("email", Web.html(taken).getElementById("to-" + contact + "-name").val());
        assertEquals(version(t, contact), Web.html(taken).selectFirst("#rename-" + contact + " input[name=version]").val());
        Web.as(t.member()).formParam("name", "Person").formParam("version", version(t, contact)).post(base + contact + "/rename").then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + contact + "/fields/notes/remove").then().statusCode(303);
        Web.as(t.member()).formParam("to", "full_name").formParam("version", version(t, contact))
                .post(base + contact + "/fields/name/rename").then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + company + "/remove").then().statusCode(303);

        List<Map<String, Object>> again = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        assertEquals(List.of("Person"), again.stream().map(e -> e.get("entityName")).toList(), "the removed Company stays removed");
        Map<String, Object> person = entity(again, "Person");
        assertEquals(true, person.get("userConfirmed"));
        Map<String, Object> fields = (Map<String, Object>) person.get("fields");
        assertFalse(fields.containsKey("notes"));
        assertTrue(fields.containsKey("full_name"));
        assertFalse(fields.containsKey("name"), "a confirmed entity is not overwritten");

        String ddl = fx.api(t.viewer()).get(api + "/entities/ddl").then().statusCode(200).extract().path("ddl");
        assertTrue(ddl.contains("CREATE TABLE people") || ddl.contains("CREATE TABLE persons"), ddl);
        assertTrue(ddl.contains("full_name varchar(100) NOT NULL"), ddl);
        Response sql = Web.as(t.viewer()).get(base + "ddl");
        assertEquals(200, sql.statusCode());
        assertTrue(sql.asString().contains("CREATE TABLE"));

        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking?status=rejected").then().statusCode(200).extract().path("");
        assertEquals(List.of("entity:Company", "field:Contact.notes"), thoughts.stream().map(x -> (String) x.get("subject")).sorted().toList());
        Map<String, Object> confirmed = fx.api(t.member()).post(api + "/entities/" + contact + "/confirm").then().statusCode(200).extract().path("");
        assertEquals(true, confirmed.get("userConfirmed"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fieldsAndEntitiesAreEditedOnThePageAndOverTheApiAndEditsSurviveLaterInferences() {
        TestData.Team t = data.team();
        contactPages(t);
        // The pages' background inference, ending after a version is read below, would make that save stale.
        quiet(fx, t);
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        String contact = (String) entity(inferred, "Contact").get("id");
        String company = (String) entity(inferred, "Company").get("id");
        assertEquals(false, ((Map<String, Object>) ((Map<String, Object>) entity(inferred, "Contact").get("fields")).get("phone")).get("required"));
        String base = "/projects/" + t.slug() + "/entities/";

        // The page: a field's type and requiredness.
        Document page = Web.html(Web.as(t.member()).get(base));
        assertEquals("tel", page.select("#type-" + contact + "-phone option[selected]").text());
        String before = version(t, contact);
        Web.as(t.member()).formParam("type", "string").formParam("required", "true").formParam("version", before)
                .post(base + contact + "/fields/phone/edit").then().statusCode(303);
        // A second tab still showing the version before: refused as every document's stale save is, the field as it is
        // now beside what was chosen, which its form keeps, now based on the current version.
        Response stale = Web.as(t.member()).formParam("type", "text").formParam("version", before).post(base + contact + "/fields/phone/edit");
        assertEquals(409, stale.statusCode());
        Document conflict = Web.html(stale);
        String current = version(t, contact);
        Element shown = conflict.getElementById("entity-" + contact).getElementById("conflict");
        // The same member saved it, in another tab: said so, not "someone else".
        assertTrue(shown.text().contains("You, in another tab or window, saved version " + current), shown.text());
        assertEquals(List.of("phone", "string", "true"), List.of(shown.getElementById("theirs-0").text(), shown.getElementById("theirs-1").text(),
                shown.getElementById("theirs-2").text()));
        assertEquals("text", DiffMarks.shown(shown.select(".diff").get(1).select("ins")), shown.html());
        assertEquals("false", DiffMarks.shown(shown.select(".diff").get(2).select("ins")), shown.html());
        assertEquals("text", conflict.select("#type-" + contact + "-phone option[selected]").text(), "the choice is kept");
        assertNull(conflict.selectFirst("#field-" + contact + "-phone input[name=required][checked]"), "the choice is kept");
        assertEquals(current, conflict.selectFirst("#field-" + contact + "-phone form.edit-field input[name=version]").val());
        // Another member's stale edit names the member who saved the newer version, on the page and over the API.
        Element named = Web.html(Web.as(t.lead()).formParam("type", "text").formParam("version", before).post(base + contact + "/fields/phone/edit")
                .then().statusCode(409).extract().response()).getElementById("entity-" + contact).getElementById("conflict");
        assertTrue(named.text().contains(t.member().username + " saved version " + current), named.text());
        fx.api(t.lead()).body(Map.of("type", "text", "version", Integer.parseInt(before))).put(api + "/entities/" + contact + "/fields/phone")
                .then().statusCode(409).body("error", org.hamcrest.Matchers.startsWith("The entity Contact was changed by " + t.member().username + " while"));
        fx.api(t.member()).body(Map.of("type", "text", "version", Integer.parseInt(before))).put(api + "/entities/" + contact + "/fields/phone")
                .then().statusCode(409).body("error", org.hamcrest.Matchers.startsWith("The entity Contact was changed by you in another request while"));
        // A stale rename of the entity: the name saved meanwhile beside the one typed, which its form keeps.
        Document renamed = Web.html(Web.as(t.member()).formParam("name", "Client").formParam("version", before).post(base + contact + "/rename")
                .then().statusCode(409).extract().response());
        assertEquals("Contact", renamed.getElementById("entity-" + contact).getElementById("theirs-0").text());
        assertEquals("Client", renamed.getElementById("name-" + contact).val());
        assertEquals(current, renamed.selectFirst("#rename-" + contact + " input[name=version]").val());
        // Saving the kept choice again applies it knowingly.
        Web.as(t.member()).formParam("type", "string").formParam("required", "true").formParam("version", current)
                .post(base + contact + "/fields/phone/edit").then().statusCode(303);
        Response bad = Web.as(t.member()).formParam("type", "blob").post(base + contact + "/fields/phone/edit");
        assertEquals(422, bad.statusCode());
        assertTrue(Web.html(bad).getElementById("e-type").text().startsWith("A field type is one of string, text"), Web.html(bad).getElementById("e-type").text());
        Web.as(t.member()).formParam("type", "string").post(base + contact + "/fields/nothing/edit").then().statusCode(404);
        Web.as(t.viewer()).formParam("type", "string").post(base + contact + "/fields/phone/edit").then().statusCode(403);
        Document edited = Web.html(Web.as(t.member()).get(base));
        assertEquals("string", edited.select("#type-" + contact + "-phone option[selected]").text());
        assertNotNull(edited.selectFirst("#field-" + contact + "-phone input[name=required][checked]"));

        // The API: rename, retype and make optional in one step; a taken name, a bad type or an unknown key is refused.
        fx.api(t.member()).body(Map.of("name", "status", "type", "string", "required", false))
                .put(api + "/entities/" + contact + "/fields/stage").then().statusCode(422).body("details.version", equalTo("Say which version you edited"));
        Map<String, Object> retyped = fx.api(t.member()).body(Map.of("name", "status", "type", "string", "required", false,
                        "version", Integer.parseInt(version(t, contact))))
                .put(api + "/entities/" + contact + "/fields/stage").then().statusCode(200).extract().path("");
        Map<String, Object> fields = (Map<String, Object>) retyped.get("fields");
        assertFalse(fields.containsKey("stage"));
        assertEquals("string", ((Map<String, Object>) fields.get("status")).get("type"));
        assertEquals(List.of(), ((Map<String, Object>) fields.get("status")).get("options"), "choices go with the enum type");
        fx.api(t.member()).body(Map.of("name", "email", "version", retyped.get("version"))).put(api + "/entities/" + contact + "/fields/status")
                .then().statusCode(409).body("error", equalTo("Contact already has a field email."));
        // An edit based on the version before the retype: refused with the entity as it is now and what was sent.
        fx.api(t.member()).body(Map.of("type", "text", "version", (Integer) retyped.get("version") - 1))
                .put(api + "/entities/" + contact + "/fields/status").then().statusCode(409)
                .body("details.currentVersion", equalTo(retyped.get("version"))).body("details.yourVersion", equalTo((Integer) retyped.get("version") - 1))
                .body("details.current.entityName", equalTo("Contact")).body("details.yours.type", equalTo("text"))
                .body("details.current.type", equalTo("string")).body("details.current.required", equalTo("false"))
                .body("details.current.fields", org.hamcrest.Matchers.containsString("\"status\""));
        // One based on a version before the field was renamed is stale too (409 with the entity as it is now), not an unknown field.
        fx.api(t.member()).body(Map.of("type", "text", "version", (Integer) retyped.get("version") - 1))
                .put(api + "/entities/" + contact + "/fields/stage").then().statusCode(409)
                .body("details.currentVersion", equalTo(retyped.get("version"))).body("details.yours.field", equalTo("stage"))
                .body("details.current.fields", org.hamcrest.Matchers.containsString("\"status\""));
        fx.api(t.member()).body(Map.of("type", "blob")).put(api + "/entities/" + contact + "/fields/status").then().statusCode(422)
                .body("details.type", org.hamcrest.Matchers.startsWith("A field type is one of"));
        fx.api(t.member()).body(Map.of("name", "Not OK")).put(api + "/entities/" + contact + "/fields/status").then().statusCode(422)
                .body("details.name", org.hamcrest.Matchers.startsWith("A field name is"));
        fx.api(t.member()).body(Map.of("kind", "x")).put(api + "/entities/" + contact + "/fields/status").then().statusCode(422);
        fx.api(t.member()).body(Map.of("type", "text")).put(api + "/entities/" + contact + "/fields/nothing").then().statusCode(404);
        fx.api(t.viewer()).body(Map.of("type", "text")).put(api + "/entities/" + contact + "/fields/status").then().statusCode(403);
        assertFalse(((Map<String, Object>) fx.api(t.member()).delete(api + "/entities/" + contact + "/fields/notes").then().statusCode(200)
                .extract().path("fields")).containsKey("notes"));

        fx.api(t.member()).body(Map.of("entityName", "Not OK")).put(api + "/entities/" + contact).then().statusCode(422)
                .body("details.entityName", org.hamcrest.Matchers.startsWith("A name starts with a letter"));
        assertEquals("Person", fx.api(t.member()).body(Map.of("entityName", "Person", "version", Integer.parseInt(version(t, contact))))
                .put(api + "/entities/" + contact).then().statusCode(200).extract().path("entityName"));
        fx.api(t.member()).body(Map.of("entityName", "Person", "version", Integer.parseInt(version(t, company))))
                .put(api + "/entities/" + company).then().statusCode(409).body("error", equalTo("There is already an entity named Person."));
        fx.api(t.viewer()).delete(api + "/entities/" + company).then().statusCode(403);
        fx.api(t.member()).delete(api + "/entities/" + company).then().statusCode(204);
        fx.api(t.member()).delete(api + "/entities/" + company).then().statusCode(404);

        // Later inferences keep every edit.
        List<Map<String, Object>> again = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        assertEquals(List.of("Person"), again.stream().map(e -> e.get("entityName")).toList());
        Map<String, Object> kept = (Map<String, Object>) entity(again, "Person").get("fields");
        assertEquals(Map.of("type", "string", "required", true), Map.of("type", ((Map<String, Object>) kept.get("phone")).get("type"),
                "required", ((Map<String, Object>) kept.get("phone")).get("required")));
        assertTrue(kept.containsKey("status"));
        assertFalse(kept.containsKey("notes"));
        String ddl = fx.api(t.viewer()).get(api + "/entities/ddl").then().statusCode(200).extract().path("ddl");
        assertTrue(ddl.contains("phone varchar(255) NOT NULL"), ddl);
    }

    /**
     * An entity the inference saved again after a member read it: the member's stale rename names the assistant, not the
     * member whose request started that inference, on the page and over the API.
     */
    @Test
    void aStaleRenameAfterAnInferenceNamesTheAssistant() {
        TestData.Team t = data.team();
        contactPages(t);
        quiet(fx, t);
        String api = ApiPaths.project(t.slug());
        Map<String, Object> company = listed(fx, t, "Company");
        UUID id = UUID.fromString((String) company.get("id"));
        int read = (Integer) company.get("version");
        // What the inference will write back: the next inference changes the entity, as it does after a mockup changed.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update InferredEntity set description = 'As read' where id = :id")
                .setParameter("id", id).executeUpdate());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        int now = (Integer) listed(fx, t, "Company").get("version");
        assertTrue(now > read, "the inference saved Company again: version " + now);

        Element shown = Web.html(Web.as(t.member()).formParam("name", "Firm").formParam("version", String.valueOf(read))
                .post("/projects/" + t.slug() + "/entities/" + id + "/rename").then().statusCode(409).extract().response())
                .getElementById("entity-" + id).getElementById("conflict");
        assertTrue(shown.text().contains("The assistant saved version " + now), shown.text());
        fx.api(t.member()).body(Map.of("entityName", "Firm", "version", read)).put(api + "/entities/" + id).then().statusCode(409)
                .body("error", org.hamcrest.Matchers.startsWith("The entity Company was changed by the assistant while you edited it"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void questionsAreAnsweredAndThoughtsConfirmedOrRevised() {
        TestData.Team t = data.team();
        contactPages(t);
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking?status=active").then().statusCode(200).extract().path("");
        String question = (String) thought(thoughts, "question:Company").get("id");
        assertEquals(List.of("Company is part of Contact: it is entered with it.", "Its records are imported or seeded: nobody enters them in the app.",
                "A page that creates and edits Company is still to be designed."), thought(thoughts, "question:Company").get("alternatives"));
        assertEquals(List.of(), thought(thoughts, "entity:Contact").get("alternatives"));
        Response empty = Web.as(t.member()).formParam("feedback", " ").post("/projects/" + t.slug() + "/thinking/" + question + "/revise");
        assertEquals(422, empty.statusCode());
        assertNotNull(Web.html(empty).selectFirst("#e-feedback"));

        // The page offers the answers as buttons; one click answers with it.
        Document page = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking"));
        List<String> offered = page.select("#thought-" + question + " button.alternative").eachText();
        assertEquals(3, offered.size(), offered.toString());
        org.jsoup.nodes.Element imported = page.select("#thought-" + question + " form:has(button.alternative)").get(1);
        Web.as(t.member()).formParam("feedback", imported.selectFirst("input[name=feedback]").val()).post(imported.attr("action")).then().statusCode(303);
        Map<String, Object> chosen = thought(fx.api(t.viewer()).get(api + "/thinking?status=revised").then().statusCode(200).extract().path(""), "question:Company");
        assertEquals("Its records are imported or seeded: nobody enters them in the app.", chosen.get("userFeedback"));
        assertTrue(Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking")).select("#thought-" + question + " button.alternative").isEmpty(),
                "an answered question offers no more choices");
        Map<String, Object> answered = fx.api(t.member()).body(Map.of("feedback", "Imported nightly from the CRM"))
                .post(api + "/thinking/" + question + "/revise").then().statusCode(200).extract().path("");
        assertEquals("revised", answered.get("status"));
        assertEquals(false, answered.get("needsAnswer"));
        assertEquals("Imported nightly from the CRM", answered.get("userFeedback"));
        String entityThought = (String) thought(thoughts, "entity:Contact").get("id");
        assertEquals("confirmed", fx.api(t.member()).post(api + "/thinking/" + entityThought + "/confirm").then().statusCode(200).extract().path("status"));
        assertEquals(true, entity(fx.api(t.viewer()).get(api + "/entities").then().extract().path(""), "Contact").get("userConfirmed"),
                "confirming an entity's inference confirms the entity");
        fx.api(t.member()).post(api + "/thinking/" + entityThought + "/confirm").then().statusCode(409);
        fx.api(t.outsider()).get(api + "/thinking").then().statusCode(404);
    }

    @Test
    void savingAMockupInfersEntitiesInTheBackground() throws InterruptedException {
        TestData.Team t = data.team();
        PageResourceTest.createPage(t, "New contact", "/contacts-new", null, EntityFixtures.NEW_CONTACT, "");
        String api = ApiPaths.project(t.slug(), "/entities");
        // Waits up to a minute for the job: a hundred tries of 100 ms gave it about ten seconds, which a loaded machine
        // (the recompute runs after the save or on the next 5 s poll) could spend before the inference ran.
        List<?> found = List.of();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (found.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
            found = fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("");
            if (found.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, found.size(), "the recompute job inferred the Contact");
    }

    @Test
    void entityAndThinkingPagesQueryAConstantNumberOfTimes() {
        TestData.Team t = data.team();
        seed(t.project().id, 0, 2);
        long entitiesFew = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/entities").then().statusCode(200));
        long thinkingFew = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").then().statusCode(200));
        seed(t.project().id, 2, 20);
        long entitiesMany = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/entities").then().statusCode(200));
        long thinkingMany = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").then().statusCode(200));
        assertEquals(entitiesFew, entitiesMany);
        assertEquals(thinkingFew, thinkingMany);
        assertEquals(20, Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/entities")).select("section.entity").size());
    }

    /** The thinking chain listed every thought on one page; it shows 50 a page, and links reach a thought on another page. */
    @Test
    void theThinkingChainShowsFiftyThoughtsAPageAndLinksAcrossPages() {
        TestData.Team t = data.team();
        seed(t.project().id, 0, 55);
        String base = "/projects/" + t.slug() + "/thinking";
        UUID first = QuarkusTransaction.requiringNew().call(() -> {
            Thought a = Thought.find("projectId = ?1 and subjectKey = ?2", t.project().id, "entity:Thing0").firstResult();
            Thought last = Thought.find("projectId = ?1 and subjectKey = ?2", t.project().id, "entity:Thing54").firstResult();
            last.dependsOn = new java.util.ArrayList<>(List.of(a.id));
            return a.id;
        });
        UUID last = QuarkusTransaction.requiringNew().call(() -> Thought.<Thought>find("projectId = ?1 and subjectKey = ?2", t.project().id,
                "entity:Thing54").firstResult().id);
        Document one = Web.html(Web.as(t.viewer()).get(base));
        assertEquals(50, one.select("#thoughts > li").size());
        assertEquals(base + "?page=2", one.getElementById("page-next").attr("href"));
        Document two = Web.html(Web.as(t.viewer()).get(base + "?page=2"));
        assertEquals(5, two.select("#thoughts > li").size());
        assertEquals(base + "?page=1#thought-" + first, two.select("#thought-" + last + " a[href*=thought-]").attr("href"),
                "a thought builds on one shown on the first page");
        assertEquals(base + "?status=active&page=1",
                Web.html(Web.as(t.viewer()).get(base + "?status=active&page=2")).getElementById("page-prev").attr("href"), "paging keeps the filter");
        Response confirmed = Web.as(t.member()).redirects().follow(false).post(base + "/" + last + "/confirm");
        assertEquals(303, confirmed.statusCode());
        assertTrue(confirmed.header("Location").endsWith(base + "?page=2#thought-" + last), confirmed.header("Location"));
        // The first page links nowhere; the second links to a thought on the first, which costs two statements (the
        // linked thoughts, and the pages they are on) whatever the chain's length.
        assertEquals(SqlCounter.count(() -> Web.as(t.viewer()).get(base).then().statusCode(200)) + 2,
                SqlCounter.count(() -> Web.as(t.viewer()).get(base + "?page=2").then().statusCode(200)),
                "a later page reads as much, and its links in two statements");
    }

    static void seed(UUID projectId, int from, int to) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = from; i < to; i++) {
                InferredEntity e = new InferredEntity();
                e.projectId = projectId;
                e.entityName = "Thing" + i;
                e.inferredName = "Thing" + i;
                e.fields = DesignJson.write(Map.of("name", new EntityModel.Field("string", true, null, null, 50, "Name", List.of(), Map.of(),
                        List.of("/things"), 0.7)));
                e.persist();
                Thought th = new Thought();
                th.projectId = projectId;
                th.thoughtType = "inference";
                th.reasoning = "Thing " + i;
                th.subjectKey = "entity:Thing" + i;
                th.persist();
            }
        });
    }
}
