package dev.specboard.people;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The person page in a real browser: reached from a mention, accessible and fitting a phone. */
@QuarkusTest
class PersonPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aMentionOpensThePersonPageWhichPassesAxeOnADesktopAndAPhone() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Exports", List.of(), "database")).post(api + "/specs").then().statusCode(201);
        fx.api(t.member()).post(api + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("title", "Export invoices", "description", "As a user I want a CSV")).post(api + "/stories").then().statusCode(201);
        fx.api(t.lead()).body(Map.of("body", "Over to you, @" + t.member().username)).post(api + "/tasks/TASK-1-1/notes").then().statusCode(201);
        for (int width : List.of(1280, 360)) {
            try (Browser b = Browser.open(base.toString(), width)) {
                b.login(t.viewer().username, TestData.PASSWORD);
                b.go("/projects/" + t.slug() + "/tasks/TASK-1-1");
                b.click("a.mention");
                assertEquals("/people/" + t.member().username, b.path());
                assertEquals("TASK-1-1", b.text(".held-tasks a"));
                b.assertAccessible();
                b.assertFitsWidth();
            }
        }
    }
}
