package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * A spec saved on an old version is refused as a story is: the message names who saved the current version (it said
 * "changed by someone else" when that was the caller), and both contents come in the shape the spec's GET gives, not
 * as the stored JSON (snake_case) in a string.
 */
@QuarkusTest
class SpecStaleSaveTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aStaleSpecSaveNamesTheEditorAndGivesBothContentsAsTheGetDoes() {
        TestData.Team t = data.team();
        String spec = SpecApiFixtures.root(t) + "/specs/SPEC-1";
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Hand-off", List.of(), "schema", "api"))
                .post(SpecApiFixtures.root(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(Map.of("title", "Their hand-off", "version", 1)).put(spec).then().statusCode(200);
        fx.api(t.member()).body(Map.of("title", "My hand-off", "overview", "Mine", "version", 1)).put(spec).then().statusCode(409)
                .body("error", equalTo("SPEC-1 was changed by you in another request while you edited it (you edited version 1,"
                        + " it is now version 2). Nothing is lost: compare both texts and save again."))
                .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2))
                .body("details.current.title", equalTo("Their hand-off"))
                .body("details.current.content.overview", equalTo("Overview of Hand-off"))
                .body("details.current.content.technologyStack", equalTo("Java, Quarkus"))
                .body("details.current.content.phases[0].name", equalTo("schema"))
                .body("details.current.content.phases[0].assignedFiles[0]", equalTo("src/schema.java"))
                .body("details.yours.title", equalTo("My hand-off"))
                .body("details.yours.content.overview", equalTo("Mine"))
                .body("details.yours.content.phases[1].name", equalTo("api"));
        // A monolithic spec's content stays its markdown.
        fx.api(t.lead()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "# Plain"))
                .post(SpecApiFixtures.root(t) + "/specs").then().statusCode(201);
        fx.api(t.lead()).body(Map.of("content", "# Theirs", "version", 1)).put(SpecApiFixtures.root(t) + "/specs/SPEC-2").then().statusCode(200);
        fx.api(t.member()).body(Map.of("content", "# Mine", "version", 1)).put(SpecApiFixtures.root(t) + "/specs/SPEC-2").then().statusCode(409)
                .body("details.current.content", equalTo("# Theirs")).body("details.yours.content", equalTo("# Mine"))
                .body("error", org.hamcrest.Matchers.startsWith("SPEC-2 was changed by " + t.lead().username + " while you edited it"));
    }
}
