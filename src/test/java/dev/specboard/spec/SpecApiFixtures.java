package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** API tokens and spec bodies for the spec and task tests, plus a record of the events they raise. */
@ApplicationScoped
public class SpecApiFixtures {

    /** A commit sha the tests' tasks are completed with. */
    public static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final List<SpecCompleted> completed = Collections.synchronizedList(new ArrayList<>());
    private final List<TaskTransitioned> transitions = Collections.synchronizedList(new ArrayList<>());

    /** Read through methods: fields of a client proxy are not the bean's. */
    public List<SpecCompleted> completed() {
        return List.copyOf(completed);
    }

    public List<TaskTransitioned> transitions() {
        return List.copyOf(transitions);
    }

    @Inject
    ApiTokenService tokens;

    void onCompleted(@Observes SpecCompleted e) {
        completed.add(e);
    }

    void onTransition(@Observes TaskTransitioned e) {
        transitions.add(e);
    }

    public RequestSpecification api(Account account) {
        String token = tokens.create(account.id, "test", null, null).value();
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public String token(Account account) {
        return tokens.create(account.id, "test", null, null).value();
    }

    /** The team's project in API v1: {@code /api/v1/projects/<slug>}. */
    public static String root(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    /** The account claims the task and starts it over the API, as an agent begins its work. */
    public void started(Account account, TestData.Team t, String task) {
        api(account).post(root(t) + "/tasks/" + task + "/claim").then().statusCode(200);
        api(account).post(root(t) + "/tasks/" + task + "/start").then().statusCode(200);
    }

    public static Map<String, Object> phase(String name, double hours) {
        return Map.of("name", name, "description", "Build the " + name, "hours", hours,
                "content", "## " + name + "\n\nDo the " + name + " work.", "assignedFiles", List.of("src/" + name + ".java"));
    }

    public static Map<String, Object> hierarchical(Integer story, String title, List<String> dependsOn, String... phases) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String p : phases) {
            list.add(phase(p, 2));
        }
        Map<String, Object> body = new java.util.HashMap<>();
        if (story != null) {
            body.put("storyNumber", story);
        }
        body.put("title", title);
        body.put("specType", "hierarchical");
        body.put("overview", "Overview of " + title);
        body.put("architecture", "Layers");
        body.put("technologyStack", "Java, Quarkus");
        body.put("phases", list);
        body.put("dependsOn", dependsOn);
        return body;
    }

    public static String slug(Project p) {
        return p.slug;
    }
}
