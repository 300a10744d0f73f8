package dev.specboard.story;

import dev.specboard.account.AccountDirectory;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StoryMentionsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    AccountDirectory directory;

    private long mentions(dev.specboard.account.Account a) {
        List<String> types = fx.api(a).get("/api/v1/notifications").then().statusCode(200).extract().path("type");
        return types.stream().filter("mention"::equals).count();
    }

    @Test
    void membersNamedInAStoryAreToldOnceOutsidersNever() {
        TestData.Team team = data.team();
        String slug = team.slug();
        String text = "Ask @" + team.reviewer().username + " and @" + team.outsider().username + " about it";
        int n = fx.api(team.member()).body(Map.of("title", "Reports", "description", text))
                .post("/api/v1/projects/" + slug + "/stories").then().statusCode(201).extract().path("number");
        assertEquals(1, mentions(team.reviewer()));
        assertEquals(0, mentions(team.outsider()));
        // Editing the story keeps the mention: nobody is told twice; a newly named member is.
        fx.api(team.member()).body(Map.of("title", "Reports", "description", text + ", and @" + team.viewer().username,
                        "version", 1))
                .put("/api/v1/projects/" + slug + "/stories/" + n).then().statusCode(200);
        assertEquals(1, mentions(team.reviewer()));
        assertEquals(1, mentions(team.viewer()));
        assertEquals(0, mentions(team.member()));
    }

    @Test
    void aMemberWhoseAccountIsDisabledIsNotTold() {
        TestData.Team team = data.team();
        directory.setDisabled(team.viewer().username, true, data.admin("adm").id);
        fx.api(team.member()).body(Map.of("title", "Exports", "description", "@" + team.viewer().username + " and @" + team.reviewer().username))
                .post("/api/v1/projects/" + team.slug() + "/stories").then().statusCode(201);
        assertEquals(1, mentions(team.reviewer()));
        directory.setDisabled(team.viewer().username, false, data.admin("adm").id);
        assertEquals(0, mentions(team.viewer()));
    }
}
