package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ComponentBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    ComponentService components;

    private UUID make(Access a, String name) {
        return components.create(a, new dev.specboard.architecture.ComponentForm(name, "controller", "lib/app/" + name.toLowerCase() + ".ex", "", "A " + name, null)).id;
    }

    @Test
    void addingADependencyUpdatesTheGraphAndARefusedCycleKeepsTheForm() {
        TestData.Team t = data.team();
        Access a = new Access(t.project(), Role.OWNER, t.owner().id);
        UUID web = make(a, "Web");
        UUID service = make(a, "Service");
        UUID repo = make(a, "Repo");
        components.addDependency(a, web, service.toString());
        String slug = t.slug();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + slug + "/components/" + service);
            b.assertAccessible();
            assertTrue(b.all("svg path.edge[data-to='" + repo + "']").isEmpty());
            b.select("#f-dependsOn", repo.toString());
            b.click("#dependency-form button[type=submit]");
            b.waitFor("#dep-" + repo);
            b.waitFor("svg path.edge[data-from='" + service + "'][data-to='" + repo + "']");
            assertEquals("/projects/" + slug + "/components/" + service, b.path());
            b.assertAccessible();

            b.go("/projects/" + slug + "/components/" + repo);
            b.select("#f-dependsOn", web.toString());
            b.click("#dependency-form button[type=submit]");
            String message = b.text("#dependency-error");
            assertTrue(message.contains("Repo \u2192 Web \u2192 Service \u2192 Repo"), message);
            assertEquals(web.toString(), b.value("#f-dependsOn"));
            b.assertAccessible();

            b.go("/projects/" + slug + "/graph");
            b.waitFor("svg.dependency-graph");
            assertEquals(3, b.count("svg.dependency-graph a.node"));
            assertEquals(2, b.count("svg.dependency-graph path.edge"));
            b.assertAccessible();
            // Each node's accessible name contains its visible text (an experimental axe rule, run on its own).
            b.assertAccessible("label-content-name-mismatch");
            // Someone else adds an edge: the open picture redraws itself from the live event.
            b.waitFor("body[data-live=ready]");
            components.addDependency(a, web, repo.toString());
            b.waitFor("svg path.edge[data-from='" + web + "'][data-to='" + repo + "']");
            assertEquals(3, b.count("svg.dependency-graph path.edge"));
            b.click("#node-" + repo);
            b.waitFor("#component-name");
            assertEquals("/projects/" + slug + "/components/" + repo, b.path());

            b.go("/projects/" + slug + "/graph?focus=" + service + "&depth=1");
            b.waitFor("svg.dependency-graph a.node.focus");
            assertEquals(3, b.count("svg.dependency-graph a.node"));
            b.go("/projects/" + slug + "/graph?focus=" + repo + "&depth=1");
            assertEquals(3, b.count("svg.dependency-graph a.node"));
            b.assertAccessible();
        }
    }

    @Test
    void everyArchitectureScreenIsAccessibleAndFitsAPhone() {
        TestData.Team t = data.team();
        Access a = new Access(t.project(), Role.OWNER, t.owner().id);
        UUID first = make(a, "Accounts.UserRegistrationController");
        UUID second = make(a, "Accounts.User");
        components.addDependency(a, first, second.toString());
        String slug = t.slug();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.lead().username, TestData.PASSWORD);
            for (String path : new String[] {"/projects/" + slug + "/components", "/projects/" + slug + "/components/" + first,
                    "/projects/" + slug + "/components/" + first + "/edit", "/projects/" + slug + "/components/" + first + "/design-doc/edit",
                    "/projects/" + slug + "/graph", "/projects/" + slug + "/work-sessions"}) {
                b.go(path);
                b.assertFitsWidth();
                b.assertAccessible();
            }
            b.go("/projects/" + slug + "/components/" + first + "/design-doc/edit");
            b.type("#f-content", "# Registration\nFirst version.");
            b.click("#design-doc-form button[type=submit]");
            b.waitFor("#doc-html");
            b.click("#doc-approve-form button[type=submit]");
            assertEquals("Version 1 approved", b.text("#doc-state"));
            b.assertAccessible();
        }
    }

    @Test
    void aComponentNameIsOnlyTextInTheDeleteQuestion() {
        TestData.Team t = data.team();
        Access a = new Access(t.project(), Role.OWNER, t.owner().id);
        String name = "'+alert(7)+'";
        UUID id = make(a, name);
        String page = "/projects/" + t.slug() + "/components/" + id;
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(page);
            assertEquals(0, b.count("[onclick], [onsubmit]"), "no inline handlers");

            b.find("#delete-form button[type=submit]").click();
            Alert question = b.driver.switchTo().alert();
            assertEquals("Delete " + name + " with its dependencies and design doc?", question.getText());
            question.dismiss();
            assertTrue(b.driver.findElements(By.cssSelector("#delete-form")).size() == 1 && page.equals(b.path()),
                    "dismissing keeps the component");
            b.waitForHtmx();
            assertEquals(name, b.text("#component-name"));

            b.find("#delete-form button[type=submit]").click();
            b.driver.switchTo().alert().accept();
            b.waitUntil(d -> !page.equals(b.path()));
            b.waitForHtmx();
            assertEquals("/projects/" + t.slug() + "/components", b.path());
            assertEquals(0, b.count("a[href='" + page + "']"));
        }
    }
}
