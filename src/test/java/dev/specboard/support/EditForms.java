package dev.specboard.support;

import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edit form as a browser sends it, and the refusal that keeps its typed text (RoleLoweredTest, ArchivedKeepsTextTest). */
public final class EditForms {

    private EditForms() {
    }

    /** A browser's plain form post: the login cookie, and the CSRF token in the form's own field. */
    public static RequestSpecification plain(String login, Map<String, String> form) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, login).formParams(form);
    }

    /** The fields the page's form at {@code action} sends as it is. */
    public static Map<String, String> formOf(Response page, String action) {
        assertEquals(200, page.statusCode(), page.asString());
        Element form = Web.html(page).selectFirst("form[method=post][action=" + action + "]");
        assertNotNull(form, "the page has the form for " + action + ": " + page.asString());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : form.select("input[name], textarea[name], select[name]")) {
            String type = e.attr("type");
            if (type.equals("submit") || type.equals("button") || type.equals("file")
                    || ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked"))) {
                continue;
            }
            String value = e.tagName().equals("textarea") ? e.wholeText()
                    : e.tagName().equals("select") ? selected(e) : e.attr("value");
            fields.putIfAbsent(e.attr("name"), value);
        }
        assertTrue(fields.containsKey(CsrfTokens.FIELD), "the form carries its CSRF token");
        return fields;
    }

    /** The refusal {@code status} saying {@code said}, with the {@code typed} text of {@code field} read-only and labelled. */
    public static Document assertKept(Response r, int status, String said, String field, String typed) {
        assertEquals(status, r.statusCode(), r.asString());
        Document html = Web.html(r);
        assertTrue(html.text().contains(said), html.text());
        Element kept = html.selectFirst("textarea[name=typed-" + field + "]");
        assertNotNull(kept, r.asString());
        assertTrue(kept.hasAttr("readonly"));
        assertEquals(typed, kept.wholeText().replace("\r\n", "\n"));
        assertNotNull(html.selectFirst("label[for=" + kept.id() + "]"), "the textarea is labelled");
        assertTrue(html.select("textarea[name=typed-csrf-token], textarea[name=typed-version]").isEmpty(), "bookkeeping is not typed text");
        return html;
    }

    /** The plain refusal {@code status}, without any typed text ({@code typedPart} is a piece of it). */
    public static void assertPlain(Response r, int status, String typedPart) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(Web.html(r).select("textarea").isEmpty(), r.asString());
        assertFalse(r.asString().contains(typedPart), "no typed text");
    }

    private static String selected(Element select) {
        Element option = select.selectFirst("option[selected]");
        option = option == null ? select.selectFirst("option") : option;
        return option == null ? "" : option.attr("value");
    }
}
