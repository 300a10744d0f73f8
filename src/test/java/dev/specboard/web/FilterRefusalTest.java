package dev.specboard.web;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list page whose filter names no known value ({@code ?status=bogus}) answers 422: the page again, with the filter named
 * and the value quoted where the list would be, nothing listed, as the plans page did. The stories, jobs, work sessions,
 * thinking and components pages read such a value as "Any" and listed everything as if it were the answer.
 */
@QuarkusTest
class FilterRefusalTest {

    @Inject
    TestData data;

    @Test
    void anUnknownFilterValueIs422NamingItOnEveryListPage() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        refused(t, p + "/plans?status=bogus", "There is no plan status \u201cbogus\u201d", null); // no repository: no filter form
        refused(t, p + "/stories?status=bogus", "There is no story status \u201cbogus\u201d: choose draft, review, changes, ready or implemented",
                "f-status");
        refused(t, p + "/stories?approval=maybe", "There is no approval \u201cmaybe\u201d", "f-approval");
        refused(t, p + "/stories?dirty=perhaps", "There is no \u201csince approval\u201d choice \u201cperhaps\u201d", "f-dirty");
        refused(t, p + "/stories?context=nowhere", "There is no context \u201cnowhere\u201d", "f-context");
        refused(t, p + "/jobs?status=bogus", "There is no job status \u201cbogus\u201d", "filter-status");
        refused(t, p + "/jobs?type=bogus", "There is no job type \u201cbogus\u201d", "filter-type");
        refused(t, p + "/work-sessions?status=bogus", "There is no session status \u201cbogus\u201d", "filter-status");
        refused(t, p + "/work-sessions?type=bogus", "There is no session type \u201cbogus\u201d", "filter-type");
        refused(t, p + "/work-sessions?target=bogus", "There is no target type \u201cbogus\u201d", "filter-target");
        refused(t, p + "/components?type=bogus", "There is no component type \u201cbogus\u201d", "filter-type");
        refused(t, p + "/components?completion=half", "There is no completion \u201chalf\u201d", "filter-completion");
        refused(t, p + "/components?context=nowhere", "There is no context \u201cnowhere\u201d", "filter-context");
        Document thinking = refused(t, p + "/thinking?status=bogus", "There is no thought status \u201cbogus\u201d", null);
        assertNull(thinking.selectFirst("#thought-filters [aria-current]"), "\u201cAll\u201d is not what is shown");

        // htmx asks for the results alone: the same refusal takes their place.
        Response fragment = Web.htmx(Web.as(t.member())).get(p + "/stories?status=bogus");
        assertEquals(422, fragment.statusCode());
        assertTrue(Web.html(fragment).selectFirst("#story-results #filter-errors").text().contains("\u201cbogus\u201d"));
        Response jobs = Web.htmx(Web.as(t.member())).get(p + "/jobs?type=bogus");
        assertEquals(422, jobs.statusCode());
        assertNotNull(Web.html(jobs).selectFirst("#job-list #filter-errors"));

        // A known value in another case is the value, as on the API.
        for (String ok : new String[] {"/jobs?status=queued", "/work-sessions?status=IN_PROGRESS", "/stories?status=Draft", "/thinking?status=Review",
                "/components?completion=Complete", "/stories?context=none", "/stories?status="}) {
            assertEquals(200, Web.as(t.member()).get(p + ok).statusCode(), ok);
        }
        assertEquals("queued".toUpperCase(), Web.html(Web.as(t.member()).get(p + "/jobs?status=queued")).select("#filter-status option[selected]").val());
    }

    private static Document refused(TestData.Team t, String url, String message, String select) {
        Response r = Web.as(t.member()).get(url);
        assertEquals(422, r.statusCode(), url);
        Document d = Web.html(r);
        assertNotNull(d.selectFirst("h1"), url + ": the page itself, not an error page");
        assertNotNull(d.getElementById("filter-errors"), url);
        assertTrue(d.getElementById("filter-errors").text().contains(message), url + ": " + d.getElementById("filter-errors").text());
        assertEquals("alert", d.getElementById("filter-errors").attr("role"));
        if (select != null) {
            assertEquals("true", d.getElementById(select).attr("aria-invalid"), url + " marks its filter");
            assertTrue(d.getElementById(select).select("option[selected]").isEmpty() || d.getElementById(select).select("option[selected]").val().isEmpty(),
                    url + " selects no value the URL did not name");
        }
        return d;
    }
}
