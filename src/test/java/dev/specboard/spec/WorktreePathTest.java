package dev.specboard.spec;

import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.specboard.spec.SpecApiFixtures.root;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A task's worktree is "the absolute path of your git worktree": a relative one ("relative/dir") was stored and shown,
 * telling nobody where the work is. And a misnamed argument is named as unknown even when its value holds a NUL.
 */
@QuarkusTest
class WorktreePathTest {

    private static final String RELATIVE = "{\"error\":\"Validation failed\",\"details\":{\"worktreePath\":"
            + "\"An absolute path (starting with / or a drive such as C:\\\\), not a relative one\"}}";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aRelativeWorktreePathIsRefusedNamingTheFieldByToolAndApi() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "S", "specType", "hierarchical", "overview", "Overview", "phases", List.of(
                        Map.of("name", "one", "description", "Build one", "hours", 1, "content", "Do one", "assignedFiles", List.of("a.java")))))
                .post(root(t) + "/specs").then().statusCode(201);
        String task = root(t) + "/tasks/TASK-1-1";
        fx.api(t.member()).post(task + "/claim").then().statusCode(200);
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        Response relative = Mcp.callTool(token, session, "record_task_worktree",
                "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-1\",\"worktreePath\":\"relative/dir\"}");
        assertEquals(Boolean.TRUE, relative.path("result.isError"), relative.asString());
        assertEquals(RELATIVE, relative.path("result.content[0].text"));
        fx.api(t.member()).body(Map.of("worktreePath", "relative/dir")).post(task + "/worktree").then().statusCode(422)
                .body("details.worktreePath", equalTo("An absolute path (starting with / or a drive such as C:\\), not a relative one"));
        fx.api(t.viewer()).get(task).then().body("task.worktreePath", nullValue());
        for (String absolute : List.of("/home/agent/wt/one", "C:\\work\\wt", "D:/wt")) {
            fx.api(t.member()).body(Map.of("worktreePath", absolute)).post(task + "/worktree").then().statusCode(200)
                    .body("worktreePath", equalTo(absolute));
        }

        // A misnamed argument is what is wrong, whatever its value holds.
        Response misnamed = Mcp.callTool(token, session, "record_task_worktree",
                "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-1\",\"path\":\"/a\\u0000b\"}");
        assertEquals(Boolean.TRUE, misnamed.path("result.isError"), misnamed.asString());
        assertEquals("Unknown argument: path", misnamed.path("result.content[0].text").toString().replaceFirst("^\\{\"error\":\"([^\"]*)\".*", "$1"),
                misnamed.asString());
    }
}
