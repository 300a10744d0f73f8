package dev.specboard.repo;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Component completion derived from the synced repository: the file exists, its test exists. */
@QuarkusTest
class ManifestCodePresenceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    private void component(TestData.Team team, String name, String path) {
        fx.api(team.member()).body(Map.of("name", name, "type", "other", "filePath", path))
                .post("/api/v1/projects/" + team.slug() + "/components").then().statusCode(201);
    }

    private Map<String, Object> byName(List<Map<String, Object>> all, String name) {
        return all.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void codeAndTestFlagsFollowTheLatestManifest() throws Exception {
        TestData.Team team = data.team();
        component(team, "Tested", "src/main/java/app/Tested.java");
        component(team, "Untested", "src/main/java/app/Untested.java");
        component(team, "Missing", "src/main/java/app/Missing.java");
        String list = "/api/v1/projects/" + team.slug() + "/components";

        List<Map<String, Object>> before = fx.api(team.member()).get(list).then().statusCode(200).extract().path("");
        assertEquals(false, byName(before, "Tested").get("codeDerived"), "no repository yet: flags are manual");

        try (GitFixture git = GitFixture.create()) {
            git.commit("code", Map.of(
                    "src/main/java/app/Tested.java", "class Tested {}\n",
                    "src/test/java/app/TestedTest.java", "class TestedTest {}\n",
                    "src/main/java/app/Untested.java", "class Untested {}\n"));
            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            repos.awaitLatest(repo);
        }
        List<Map<String, Object>> after = fx.api(team.member()).get(list).then().statusCode(200).extract().path("");
        assertEquals(List.of(true, true, true, true), List.of(byName(after, "Tested").get("codeComplete"), byName(after, "Tested").get("testsComplete"),
                byName(after, "Tested").get("codeDerived"), byName(after, "Tested").get("testsDerived")));
        assertEquals(List.of(true, false), List.of(byName(after, "Untested").get("codeComplete"), byName(after, "Untested").get("testsComplete")));
        assertEquals(false, byName(after, "Missing").get("codeComplete"));
    }
}
