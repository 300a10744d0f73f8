package dev.specboard.architecture;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.support.DiffMarks;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ComponentResourceTest {

    @Inject
    TestData data;

    @Inject
    ComponentService components;

    @Inject
    WorkSessionService sessions;

    static final String FORM = "application/x-www-form-urlencoded";

    private Access access(TestData.Team t) {
        return new Access(t.project(), Role.OWNER, t.owner().id);
    }

    private UUID make(Access a, String name) {
        return components.create(a, new ComponentForm(name, "schema", "lib/app/" + name.toLowerCase() + ".ex", "", "", null)).id;
    }

    private static String base(TestData.Team t) {
        return "/projects/" + t.slug();
    }

    @Test
    void everyPageNeedsMembershipAndChangesNeedTheMemberRole() {
        TestData.Team t = data.team();
        Access a = access(t);
        UUID x = make(a, "Xylo");
        UUID y = make(a, "Yak");
        String c = base(t) + "/components/" + x;
        for (String page : List.of(base(t) + "/components", c, base(t) + "/graph", base(t) + "/graph?focus=" + x + "&depth=2",
                base(t) + "/work-sessions")) {
            Web.as(t.viewer()).get(page).then().statusCode(200);
            Web.as(t.outsider()).get(page).then().statusCode(404);
        }
        Web.as(t.viewer()).get(c + "/edit").then().statusCode(403);
        Web.as(t.viewer()).get(c + "/design-doc/edit").then().statusCode(403);
        for (Account reader : List.of(t.viewer(), t.reviewer())) {
            Web.as(reader).contentType(FORM).formParam("name", "New").formParam("type", "other").post(base(t) + "/components").then().statusCode(403);
            Web.as(reader).contentType(FORM).formParam("name", "Xylo").formParam("type", "other").formParam("version", "1").post(c).then().statusCode(403);
            Web.as(reader).contentType(FORM).formParam("dependsOn", y.toString()).post(c + "/dependencies").then().statusCode(403);
            Web.as(reader).contentType(FORM).formParam("docsComplete", "true").post(c + "/completion").then().statusCode(403);
            Web.as(reader).contentType(FORM).formParam("content", "# x").post(c + "/design-doc").then().statusCode(403);
            Web.as(reader).contentType(FORM).formParam("sessionType", "design").formParam("targetType", "component")
                    .formParam("targetId", x.toString()).post(base(t) + "/work-sessions").then().statusCode(403);
            Web.as(reader).post(c + "/delete").then().statusCode(403);
        }
        Web.as(t.outsider()).contentType(FORM).formParam("dependsOn", y.toString()).post(c + "/dependencies").then().statusCode(404);
        Web.as(t.member()).contentType(FORM).formParam("content", "# x").post(c + "/design-doc").then().statusCode(303);
        Web.as(t.member()).post(c + "/design-doc/approve").then().statusCode(403);
        Web.as(t.lead()).post(c + "/design-doc/approve").then().statusCode(303);
        Document viewerPage = Web.html(Web.as(t.viewer()).get(c));
        assertTrue(viewerPage.select("#dependency-form").isEmpty());
        assertTrue(viewerPage.select("#doc-approve-form").isEmpty());
        assertNotNull(Web.html(Web.as(t.member()).get(c)).getElementById("dependency-form"));
    }

    @Test
    void memberCreatesAComponentAndInvalidInputKeepsTheForm() {
        TestData.Team t = data.team();
        Response ok = Web.as(t.member()).contentType(FORM).formParam("name", "Orders.Order").formParam("type", "schema")
                .formParam("filePath", "lib/app/orders/order.ex").formParam("contextId", "").formParam("description", "An order")
                .post(base(t) + "/components");
        assertEquals(303, ok.statusCode());
        String location = ok.header("Location");
        Document page = Web.html(Web.as(t.viewer()).get(location));
        assertEquals("Orders.Order", page.getElementById("component-name").text());
        assertEquals("lib/app/orders/order.ex", page.getElementById("component-file").text());

        Response bad = Web.as(t.member()).contentType(FORM).formParam("name", "orders.order").formParam("type", "schema")
                .formParam("filePath", "kept/path.ex").post(base(t) + "/components");
        assertEquals(422, bad.statusCode());
        Document form = Web.html(bad);
        assertTrue(form.getElementById("e-name").text().contains("already called"));
        assertEquals("kept/path.ex", form.getElementById("f-filePath").val());

        // A path the synced repository can never hold: the code and test flags would silently stay manual.
        for (String outside : List.of("/home/ann/app/lib/order.ex", "../other/order.ex", "C:\\app\\order.ex", "https://git.test/app/order.ex")) {
            Response wrong = Web.as(t.member()).contentType(FORM).formParam("name", "Orders.Line").formParam("type", "schema")
                    .formParam("filePath", outside).post(base(t) + "/components");
            assertEquals(422, wrong.statusCode(), outside);
            Document again = Web.html(wrong);
            assertTrue(again.getElementById("e-filePath").text().contains("inside the repository, from its root"), outside);
            assertEquals(outside, again.getElementById("f-filePath").val());
            assertEquals("Orders.Line", again.getElementById("f-name").val());
        }

        Document list = Web.html(Web.as(t.viewer()).get(base(t) + "/components"));
        assertNotNull(list.getElementById("graph-link"));
        assertEquals("1 of 1 component", list.getElementById("component-count").text());
        Response fragment = Web.htmx(Web.as(t.viewer())).get(base(t) + "/components?type=controller");
        assertEquals("HX-Request", fragment.header("Vary"));
        assertFalse(fragment.asString().contains("<html"));
        assertNotNull(Web.html(fragment).getElementById("no-components"));
    }

    @Test
    void refusedCycleOnThePageNamesTheCycleAndKeepsTheChoice() {
        TestData.Team t = data.team();
        Access a = access(t);
        UUID ca = make(a, "Alpha");
        UUID cb = make(a, "Beta");
        UUID cc = make(a, "Gamma");
        components.addDependency(a, ca, cb.toString());
        components.addDependency(a, cb, cc.toString());

        Response plain = Web.as(t.member()).contentType(FORM).formParam("dependsOn", ca.toString())
                .post(base(t) + "/components/" + cc + "/dependencies");
        assertEquals(409, plain.statusCode());
        Document page = Web.html(plain);
        assertTrue(page.getElementById("dependency-error").text().contains("Gamma \u2192 Alpha \u2192 Beta \u2192 Gamma"));
        assertEquals(List.of("Gamma", "Alpha", "Beta", "Gamma"), page.select("#cycle li").eachText());
        assertEquals(ca.toString(), page.select("#f-dependsOn option[selected]").val());
        assertNotNull(page.getElementById("component-name"));

        Response htmx = Web.htmx(Web.as(t.member())).contentType(FORM).formParam("dependsOn", ca.toString())
                .post(base(t) + "/components/" + cc + "/dependencies");
        assertEquals(409, htmx.statusCode());
        assertFalse(htmx.asString().contains("<html"));
        Document fragment = Web.html(htmx);
        assertEquals(ca.toString(), fragment.select("#f-dependsOn option[selected]").val());
        assertNotNull(fragment.getElementById("cycle"));

        Response added = Web.htmx(Web.as(t.member())).contentType(FORM).formParam("dependsOn", cc.toString())
                .post(base(t) + "/components/" + ca + "/dependencies");
        assertEquals(200, added.statusCode());
        Document after = Web.html(added);
        assertNotNull(after.getElementById("dep-" + cc));
        assertEquals(1, after.select("svg path.edge[data-from=" + ca + "][data-to=" + cc + "]").size());
        Response removed = Web.htmx(Web.as(t.member())).post(base(t) + "/components/" + ca + "/dependencies/" + cc + "/remove");
        assertEquals(200, removed.statusCode());
        assertTrue(Web.html(removed).select("#dep-" + cc).isEmpty());
    }

    @Test
    void componentPageListsDirectAndTransitiveNeighbours() {
        TestData.Team t = data.team();
        Access a = access(t);
        UUID ca = make(a, "Web");
        UUID cb = make(a, "Service");
        UUID cc = make(a, "Repo");
        components.addDependency(a, ca, cb.toString());
        components.addDependency(a, cb, cc.toString());
        Document page = Web.html(Web.as(t.viewer()).get(base(t) + "/components/" + cb));
        assertEquals(List.of("Repo"), page.select("#direct-dependencies > li > a").eachText());
        assertEquals(List.of("Web"), page.select("#direct-dependents a").eachText());
        Document web = Web.html(Web.as(t.viewer()).get(base(t) + "/components/" + ca));
        assertEquals(List.of("Repo", "Service"), web.select("#transitive-dependencies a").eachText());
        Document graph = Web.html(Web.as(t.viewer()).get(base(t) + "/graph?focus=" + ca + "&depth=1"));
        assertEquals("2", graph.select("svg.dependency-graph").attr("data-nodes"));
        assertEquals(1, graph.select("svg a.node.focus").size());
        // A depth that is no number is a mistake named on the error page (it showed the default depth as if asked).
        io.restassured.response.Response bad = Web.as(t.viewer()).get(base(t) + "/graph?focus=" + ca + "&depth=abc");
        assertEquals(400, bad.statusCode());
        assertTrue(Web.html(bad).getElementById("error-message").text().contains("depth"));
        assertEquals("3", Web.html(Web.as(t.viewer()).get(base(t) + "/graph?focus=" + ca + "&depth=9")).select("svg.dependency-graph")
                .attr("data-nodes"), "a depth past 3 is read as 3");
        Document whole = Web.html(Web.as(t.viewer()).get(base(t) + "/graph"));
        assertEquals("3", whole.select("svg.dependency-graph").attr("data-nodes"));
        assertEquals("2", whole.select("svg.dependency-graph").attr("data-edges"));
        assertEquals("/projects/" + t.slug() + "/components/" + cc, whole.getElementById("node-" + cc).attr("href"));
        assertNotNull(whole.getElementById("graph-svg-title"));
        assertEquals(3, whole.select("#graph-list li").size());
        Web.as(t.viewer()).get(base(t) + "/graph?focus=" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void designDocPageVersionsApprovesAndShowsBothTextsOnConflict() {
        TestData.Team t = data.team();
        UUID id = make(access(t), "Payments");
        String doc = base(t) + "/components/" + id + "/design-doc";
        assertEquals("0", Web.html(Web.as(t.member()).get(doc + "/edit")).select("input[name=version]").val());
        Web.as(t.member()).contentType(FORM).formParam("content", "# Payments\nCards only.").formParam("version", "0").post(doc)
                .then().statusCode(303);
        Web.as(t.lead()).contentType(FORM).formParam("content", "# Payments\nCards and wires.").formParam("version", "1").post(doc)
                .then().statusCode(303);
        Response stale = Web.as(t.member()).contentType(FORM).formParam("content", "# Payments\nCards and cash.").formParam("version", "1")
                .post(doc);
        assertEquals(409, stale.statusCode());
        Document conflict = Web.html(stale);
        // Theirs through the shared conflict markup (as for stories), yours kept in the form.
        assertEquals("# Payments\nCards and wires.", conflict.getElementById("theirs-0").wholeText());
        assertTrue(conflict.getElementById("conflict").text().contains(t.lead().username + " saved version 2"),
                conflict.getElementById("conflict").text());
        assertEquals("# Payments\nCards and cash.", conflict.getElementById("f-content").wholeText());
        assertEquals("2", conflict.select("input[name=version]").val());
        assertFalse(conflict.select("#conflict ins").isEmpty());
        DiffMarks.assertLabelled(conflict.getElementById("conflict"));
        assertNull(conflict.getElementById("stale-error"), "no markup of its own");

        Document component = Web.html(Web.as(t.viewer()).get(base(t) + "/components/" + id));
        assertEquals("Version 2 awaiting approval", component.getElementById("doc-state").text());
        assertEquals("Payments", component.select("#doc-html h3").text(), "the doc's top heading nests under the page's");
        Web.as(t.lead()).post(doc + "/approve").then().statusCode(303);
        component = Web.html(Web.as(t.viewer()).get(base(t) + "/components/" + id));
        assertEquals("Version 2 approved", component.getElementById("doc-state").text());

        Document diff = Web.html(Web.as(t.viewer()).get(doc + "/diff?from=1&to=2"));
        assertEquals("only", DiffMarks.shown(diff.select("#doc-diff del")));
        assertEquals("and wires", DiffMarks.shown(diff.select("#doc-diff ins")));
        DiffMarks.assertLabelled(diff.getElementById("doc-diff"));
        Web.as(t.viewer()).get(doc + "/diff?from=1&to=9").then().statusCode(404);
    }

    @Test
    void anEmptyDesignDocIsRefusedWithTheTextKept() {
        TestData.Team t = data.team();
        UUID id = make(access(t), "Ledger");
        String doc = base(t) + "/components/" + id + "/design-doc";
        Response refused = Web.as(t.member()).contentType(FORM).formParam("content", "  \n ").formParam("version", "0").post(doc);
        assertEquals(422, refused.statusCode());
        Document page = Web.html(refused);
        assertEquals("Write the design doc", page.getElementById("e-content").text());
        assertEquals("true", page.getElementById("f-content").attr("aria-invalid"));
        assertEquals("  \n ", page.getElementById("f-content").wholeText(), "what was typed is kept");
        Web.as(t.member()).contentType(FORM).formParam("content", "").formParam("version", "0").post(doc).then().statusCode(422);
        assertEquals("0", Web.html(Web.as(t.member()).get(doc + "/edit")).select("input[name=version]").val(), "no version was saved");
    }

    @Test
    void workSessionStartedFromTheComponentPageIsClaimedAndCompleted() {
        TestData.Team t = data.team();
        UUID id = make(access(t), "Search");
        Response started = Web.as(t.member()).contentType(FORM).formParam("sessionType", "test").formParam("targetType", "component")
                .formParam("targetId", id.toString()).formParam("back", "component").post(base(t) + "/work-sessions");
        assertEquals(303, started.statusCode());
        assertTrue(started.header("Location").endsWith("/components/" + id + "#sessions"));
        Document page = Web.html(Web.as(t.member()).get(base(t) + "/components/" + id));
        String sessionId = page.select("#session-table tbody tr").attr("id").substring("session-".length());
        assertEquals("pending", page.select("#session-" + sessionId + " [data-status]").attr("data-status"));
        Web.as(t.member()).contentType(FORM).formParam("back", id.toString()).post(base(t) + "/work-sessions/" + sessionId + "/claim")
                .then().statusCode(303);
        Web.as(t.member()).contentType(FORM).formParam("note", "All green").post(base(t) + "/work-sessions/" + sessionId + "/complete")
                .then().statusCode(303);
        Document list = Web.html(Web.as(t.viewer()).get(base(t) + "/work-sessions?status=complete"));
        assertEquals("complete", list.select("#session-" + sessionId + " [data-status]").attr("data-status"));
        assertEquals("All green", list.select("#session-" + sessionId + " td.note").text());
        assertTrue(Web.html(Web.as(t.viewer()).get(base(t) + "/work-sessions?status=pending")).select("#session-" + sessionId).isEmpty());
        Response project = Web.as(t.member()).contentType(FORM).formParam("sessionType", "setup").formParam("target", "project:" + t.project().id)
                .post(base(t) + "/work-sessions");
        assertEquals(303, project.statusCode());
        Response invalid = Web.as(t.member()).contentType(FORM).formParam("sessionType", "setup").formParam("target", "component:" + UUID.randomUUID())
                .post(base(t) + "/work-sessions");
        assertEquals(422, invalid.statusCode());
        assertEquals("No such component in this project", Web.html(invalid).getElementById("start-error").text());

        Document withProject = Web.html(Web.as(t.member()).get(base(t) + "/work-sessions?status=pending"));
        String setupId = withProject.select("#session-table tbody tr").attr("id").substring("session-".length());
        Web.as(t.member()).contentType(FORM).post(base(t) + "/work-sessions/" + setupId + "/claim").then().statusCode(303);
        Response noReason = Web.as(t.member()).contentType(FORM).formParam("note", " ").post(base(t) + "/work-sessions/" + setupId + "/fail");
        assertEquals(422, noReason.statusCode());
        assertTrue(Web.html(noReason).getElementById("finish-error").text().contains("Say why it failed"));
        // The refused row form is far down the list: the summary atop the page names the problem and leads to its note field.
        Document refusedFail = Web.html(noReason);
        assertEquals(List.of("#note-" + setupId), refusedFail.select("main > #error-summary a").eachAttr("href"), refusedFail.select("main").html());
        assertEquals("Result note", refusedFail.selectFirst("#error-summary [data-error-label]").text());
        assertEquals("true", refusedFail.getElementById("note-" + setupId).attr("aria-invalid"));
        assertTrue(refusedFail.selectFirst("#session-" + setupId + " details.finish").hasAttr("open"), "the refused form is shown");
        Web.as(t.member()).contentType(FORM).formParam("note", "No repository").post(base(t) + "/work-sessions/" + setupId + "/fail")
                .then().statusCode(303);
    }

    @Test
    void staleEditKeepsTheTypedValuesAndShowsTheSavedOnes() {
        TestData.Team t = data.team();
        UUID id = make(access(t), "Cart");
        String c = base(t) + "/components/" + id;
        assertEquals("1", Web.html(Web.as(t.member()).get(c + "/edit")).select("input[name=version]").val());
        Web.as(t.lead()).contentType(FORM).formParam("name", "Basket").formParam("type", "schema").formParam("version", "1").post(c)
                .then().statusCode(303);
        Response stale = Web.as(t.member()).contentType(FORM).formParam("name", "Trolley").formParam("type", "task")
                .formParam("filePath", "lib/trolley.ex").formParam("version", "1").post(c);
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        assertEquals("Trolley", page.getElementById("f-name").val());
        assertEquals("task", page.select("#f-type option[selected]").val());
        assertEquals("2", page.select("input[name=version]").val());
        assertTrue(page.getElementById("current-values").text().contains("Basket"));
        // The error summary's link for the (hidden) version leads to the message that explains it.
        String field = page.selectFirst("#error-summary a").attr("data-field");
        assertEquals("version", field);
        assertEquals(page.getElementById("stale-error").child(0), page.getElementById("e-" + field));
        Response invalid = Web.as(t.member()).contentType(FORM).formParam("name", " ").formParam("type", "task").formParam("version", "2").post(c);
        assertEquals(422, invalid.statusCode());
        assertEquals("Give the component a name", Web.html(invalid).getElementById("e-name").text());

        Response flags = Web.htmx(Web.as(t.member())).contentType(FORM).formParam("docsComplete", "true").post(c + "/completion");
        assertEquals(200, flags.statusCode());
        Document fragment = Web.html(flags);
        assertTrue(fragment.getElementById("flag-docs").hasAttr("checked"));
        assertFalse(fragment.getElementById("flag-code").hasAttr("checked"));
        assertFalse(flags.asString().contains("<html"));
        Response on = Web.as(t.member()).contentType(FORM).formParam("codeComplete", "on").post(c + "/completion");
        assertEquals(303, on.statusCode(), "a checkbox without a value sends on: ticked");
        for (String junk : List.of("maybe", "2", "yes please")) {
            Response refused = Web.as(t.member()).contentType(FORM).formParam("docsComplete", junk).post(c + "/completion");
            assertEquals(400, refused.statusCode(), junk + " is no checkbox's value, not a silent false");
            assertTrue(refused.asString().contains("The form field docsComplete must be true or false"), refused.asString());
        }
        assertTrue(Web.html(Web.as(t.member()).get(c)).getElementById("flag-code").hasAttr("checked"), "nothing refused was saved");
    }

    @Test
    void componentListAndGraphPageQueryCountsDoNotGrowWithComponents() {
        Account owner = data.account("arch-owner");
        Project p = data.project(owner);
        Access a = new Access(p, Role.OWNER, owner.id);
        List<UUID> ids = new ArrayList<>();
        grow(a, ids, 15);
        long list15 = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/components").then().statusCode(200));
        long graph15 = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/graph").then().statusCode(200));
        grow(a, ids, 150);
        long list150 = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/components").then().statusCode(200));
        long graph150 = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/graph").then().statusCode(200));
        assertEquals(list15, list150, "component list");
        assertEquals(graph15, graph150, "graph page");
        Document graph = Web.html(Web.as(owner).get("/projects/" + p.slug + "/graph"));
        assertEquals("150", graph.select("svg.dependency-graph").attr("data-nodes"));
    }

    @Test
    void workSessionListQueryCountDoesNotGrowWithSessions() {
        Account owner = data.account("ws-owner");
        Project p = data.project(owner);
        Access a = new Access(p, Role.OWNER, owner.id);
        UUID component = make(a, "Target");
        int[] made = {0};
        java.util.function.IntConsumer grow = total -> {
            while (made[0] < total) {
                boolean onComponent = made[0] % 2 == 0;
                WorkSession w = sessions.create(a, new WorkSessionForm(made[0] % 3 == 0 ? "design" : "test", onComponent ? "component" : "project",
                        onComponent ? component.toString() : ""));
                if (made[0] % 4 == 0) {
                    sessions.claim(a, w.id);
                }
                made[0]++;
            }
        };
        grow.accept(10);
        long ten = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/work-sessions").then().statusCode(200));
        grow.accept(100);
        long hundred = SqlCounter.count(() -> Web.as(owner).get("/projects/" + p.slug + "/work-sessions").then().statusCode(200));
        assertEquals(ten, hundred);
        assertEquals(100, Web.html(Web.as(owner).get("/projects/" + p.slug + "/work-sessions")).select("#session-table tbody tr").size());
    }

    private void grow(Access a, List<UUID> ids, int total) {
        while (ids.size() < total) {
            int i = ids.size();
            UUID id = make(a, "C" + i);
            if (i > 0) {
                components.addDependency(a, id, ids.get(i / 2).toString());
            }
            if (i > 3 && i - 3 != i / 2) {
                components.addDependency(a, id, ids.get(i - 3).toString());
            }
            ids.add(id);
        }
    }

    @Test
    void htmxDesignDocApprovalAnswersTheDesignDocCardWithAnOutOfBandFlash() {
        TestData.Team t = data.team();
        UUID id = make(access(t), "Ledger");
        String doc = base(t) + "/components/" + id + "/design-doc";
        Web.as(t.member()).contentType(FORM).formParam("content", "# Ledger").post(doc).then().statusCode(303);
        Response r = Web.htmx(Web.as(t.lead())).post(doc + "/approve");
        assertEquals(200, r.statusCode());
        assertFalse(r.asString().contains("<html"), "a fragment, not a page");
        Document d = Web.html(r);
        assertNotNull(d.getElementById("design-doc"));
        assertEquals("Version 1 approved", d.getElementById("doc-state").text());
        assertEquals(null, d.getElementById("doc-approve-form"), "nothing left to approve");
        assertTrue(d.getElementById("flash").hasAttr("hx-swap-oob"));
        assertEquals("Design doc version 1 approved.", d.getElementById("flash").text());
        assertEquals("Version 1 approved", Web.html(Web.as(t.viewer()).get(base(t) + "/components/" + id)).getElementById("doc-state").text());
    }
}
