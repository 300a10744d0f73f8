package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A local repository one project links cannot be linked by someone who may not link repositories in that project. */
@QuarkusTest
class SharedLocalRepoTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private RequestSpecification api(Account a) {
        return RestAssured.given().header("Authorization", "Bearer " + tokens.create(a.id, "t", null, null).value())
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String name, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("url", url);
        body.put("defaultBranch", "main");
        return body;
    }

    @Test
    void anOutsiderCannotLinkAnotherProjectsLocalRepositoryUnderAnySpelling() throws Exception {
        TestData.Team alpha = data.team();
        GitFixture app = GitFixture.create();
        app.commit("first", "README.md", "secret plans");
        api(alpha.owner()).body(body("app", app.url())).post("/api/v1/projects/" + alpha.slug() + "/repos").then().statusCode(201);

        Account outsider = data.account("outsider");
        Project beta = data.project(outsider);
        Path gitFile = Files.createTempDirectory("gd");
        Files.writeString(gitFile.resolve(".git"), "gitdir: " + Path.of(app.url()).resolve(".git") + "\n");
        for (String url : new String[] {app.url(), app.url() + "/.git", "file://" + app.url(), gitFile.toString()}) {
            api(outsider).body(body("mine", url)).post("/api/v1/projects/" + beta.slug + "/repos").then().statusCode(422)
                    .body("details.url", containsString("another project"))
                    .body("details.url", not(containsString(alpha.project().name)))
                    .body("details.url", not(containsString(alpha.slug())));
        }

        // Nor by changing the URL of a repository of its own.
        GitFixture own = GitFixture.create();
        own.commit("first", "README.md", "mine");
        api(outsider).body(body("own", own.url())).post("/api/v1/projects/" + beta.slug + "/repos").then().statusCode(201);
        api(outsider).body(body("own", app.url())).put("/api/v1/projects/" + beta.slug + "/repos/own").then().statusCode(422)
                .body("details.url", containsString("another project"));
    }

    @Test
    void anOwnerOfBothProjectsAndAnAdministratorMayLinkIt() throws Exception {
        TestData.Team alpha = data.team();
        GitFixture app = GitFixture.create();
        app.commit("first", "README.md", "shared");
        api(alpha.owner()).body(body("app", app.url())).post("/api/v1/projects/" + alpha.slug() + "/repos").then().statusCode(201);

        Project owners = data.project(alpha.owner());
        api(alpha.owner()).body(body("app", app.url() + "/")).post("/api/v1/projects/" + owners.slug + "/repos").then().statusCode(201);

        Account admin = data.admin("admin");
        Project admins = data.project(admin);
        api(admin).body(body("app", app.url())).post("/api/v1/projects/" + admins.slug + "/repos").then().statusCode(201);

        // Neither a lead nor a member of alpha is one who links repositories there: repositories are project settings,
        // an owner's (DESIGN's roles).
        for (Account notOwner : java.util.List.of(alpha.lead(), alpha.member())) {
            Project own = data.project(notOwner);
            api(notOwner).body(body("app", app.url())).post("/api/v1/projects/" + own.slug + "/repos").then().statusCode(422)
                    .body("details.url", containsString("another project in which you are not an owner"));
        }
    }
}
