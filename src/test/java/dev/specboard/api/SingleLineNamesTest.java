package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * A page's and a feature's name and a story's title drop control characters, as one rule for single-line names; they were
 * stored as given ("X\u0007"). A character changing the text's direction (U+202E, U+2066) is refused, named, so the name
 * cannot be spoofed. A story's description keeps its line breaks and tabs. A name of nothing but such characters is
 * refused like a blank one.
 */
@QuarkusTest
class SingleLineNamesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void namesAndTitlesDropControlCharactersAndRefuseDirectionCharacters() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(Map.of("name", "X\u0007\u202e", "path", "/x")).post(api + "/pages").then().statusCode(422)
                .body("details.name", equalTo("Remove the invisible direction-changing character (U+202E)"));
        String page = fx.api(t.member()).body(Map.of("name", "X\u0007", "path", "/x")).post(api + "/pages").then().statusCode(201)
                .body("name", equalTo("X")).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Y\u0000", "version", 1)).put(api + "/pages/" + page).then().statusCode(422);
        fx.api(t.member()).body(Map.of("name", "Y\u001b[31m\u0085", "version", 1)).put(api + "/pages/" + page).then().statusCode(200)
                .body("name", equalTo("Y[31m"));
        fx.api(t.member()).body(Map.of("name", "F\u0007ea\u2066ture", "userDescription", "x")).post(api + "/features").then().statusCode(422)
                .body("details.name", equalTo("Remove the invisible direction-changing character (U+2066)"));
        fx.api(t.member()).body(Map.of("name", "F\u0007eature\u0009", "userDescription", "line one\n\tline two")).post(api + "/features")
                .then().statusCode(201).body("name", equalTo("Feature")).body("userDescription", equalTo("line one\n\tline two"));
        fx.api(t.member()).body(Map.of("name", "\u0007\u202e", "path", "/bell")).post(api + "/pages").then().statusCode(422)
                .body("details.name", equalTo("Give the page a name"));
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "\u0007")).post(api + "/features").then().statusCode(422)
                .body("details.name", equalTo("Give the feature a name"));

        fx.api(t.member()).body(Map.of("title", "S\u202e", "description", "x")).post(api + "/stories").then().statusCode(422)
                .body("details.title", equalTo("Remove the invisible direction-changing character (U+202E)"));
        fx.api(t.member()).body(Map.of("title", "S\u0007", "description", "As a user\n\tI want it", "acceptanceCriteria",
                "- WHEN I save THE SYSTEM SHALL keep it")).post(api + "/stories").then().statusCode(201);
        fx.api(t.member()).get(api + "/stories/1").then().statusCode(200).body("title", equalTo("S"))
                .body("description", equalTo("As a user\n\tI want it"));
        fx.api(t.member()).body(Map.of("title", "\u0085\u0007", "description", "x")).post(api + "/stories").then().statusCode(422)
                .body("details.title", equalTo("Give the story a title"));
    }
}
