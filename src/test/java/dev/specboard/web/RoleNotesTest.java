package dev.specboard.web;

import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A list page whose form a role may not use says why it is missing: a member on the previews page saw no form and no
 * reason, and a viewer on the design wizards saw descriptions and no way to start one (nor on the specs and entities
 * pages a way to write a spec or infer entities, nor on stories, the task board and the thinking chain a way to write a
 * story, move a task or answer a thought; the design system's colours say so in DesignSystemResourceTest). Whoever can use the form sees no
 * note, and an archived project (where nobody changes anything, as its banner says) shows none either.
 */
@QuarkusTest
class RoleNotesTest {

    @Inject
    TestData data;

    /** Each page, the form it hides, and the note shown instead. */
    private static final Map<String, String[]> PAGES = Map.of(
            "/previews", new String[] {"#preview-form", "Creating preview links needs the lead role.", "lead"},
            "/design", new String[] {"#page-form", "Adding a page needs the member role.", "member"},
            "/journeys", new String[] {"#journey-form", "Adding a journey needs the member role.", "member"},
            "/features", new String[] {"#feature-form", "Adding or detecting features needs the member role.", "member"},
            "/context", new String[] {"#context-form", "Adding context needs the member role.", "member"},
            "/specs", new String[] {"#new-spec", "Writing a spec needs the member role.", "member"},
            "/entities", new String[] {"#infer-form", "Inferring or editing entities needs the member role.", "member"},
            "/stories", new String[] {"#new-story", "Writing a story needs the member role.", "member"},
            "/board", new String[] {"#board-columns[data-can-move]", "Claiming or moving tasks needs the member role.", "member"},
            // An empty chain has no buttons to hide; the note still says what a viewer may not do when thoughts arrive.
            "/thinking", new String[] {"#thoughts", "Confirming, rejecting or answering thoughts needs the member role.", "member"});

    @Test
    void aFormHiddenByRoleIsReplacedByANoteNamingTheRoleItNeeds() {
        TestData.Team t = data.team();
        PAGES.forEach((path, expected) -> {
            Role needed = Role.parse(expected[2]).orElseThrow();
            for (Role role : new Role[] {Role.LEAD, Role.MEMBER, Role.REVIEWER, Role.VIEWER}) {
                Document page = Web.html(Web.as(t.as(role)).get("/projects/" + t.slug() + path).then().statusCode(200).extract().response());
                boolean alwaysShown = path.equals("/thinking");
                if (role.atLeast(needed)) {
                    assertNotNull(page.selectFirst(expected[0]), role + " on " + path);
                    assertNull(page.getElementById("role-note"), role + " on " + path);
                } else {
                    if (!alwaysShown) {
                        assertNull(page.selectFirst(expected[0]), role + " on " + path);
                    }
                    assertEquals(expected[1], page.getElementById("role-note").text(), role + " on " + path);
                }
            }
        });
    }

    @Test
    void theDesignWizardsTellAViewerThatRunningOneNeedsTheMemberRole() {
        TestData.Team t = data.team();
        String path = "/projects/" + t.slug() + "/design/wizards";
        Document viewer = Web.html(Web.as(t.viewer()).get(path).then().statusCode(200).extract().response());
        assertEquals("Running a wizard needs the member role.", viewer.getElementById("wizards-role-note").text());
        assertEquals(0, viewer.select("#wizard-list a").size());
        Document member = Web.html(Web.as(t.member()).get(path).then().statusCode(200).extract().response());
        assertNull(member.getElementById("wizards-role-note"));
        assertNotNull(member.selectFirst("#wizard-list a"));
    }

    @Test
    void anArchivedProjectShowsNoRoleNote() {
        TestData.Team t = data.team();
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        for (String path : PAGES.keySet()) {
            Document page = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + path).then().statusCode(200).extract().response());
            assertNull(page.getElementById("role-note"), path);
        }
        assertNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design/wizards").then().statusCode(200).extract().response())
                .getElementById("wizards-role-note"));
    }
}
