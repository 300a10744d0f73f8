package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.Approval;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ComponentApiTest {

    @Inject
    TestData data;

    static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/components";
    }

    static String create(Account a, TestData.Team t, String name) {
        return Api.as(a).body(Map.of("name", name, "type", "schema", "filePath", "lib/app/" + name.toLowerCase() + ".ex"))
                .post(base(t)).then().statusCode(201).extract().path("id");
    }

    static Response depend(Account a, TestData.Team t, String from, String to) {
        return Api.as(a).body(Map.of("dependsOn", to)).post(base(t) + "/" + from + "/dependencies");
    }

    @Test
    void rolesOnEveryComponentCall() {
        TestData.Team t = data.team();
        String a = create(t.member(), t, "Accounts");
        String b = create(t.member(), t, "Billing");
        Map<String, Object> body = Map.of("name", "X", "type", "other", "filePath", "");
        for (Account reader : List.of(t.viewer(), t.reviewer())) {
            Api.as(reader).get(base(t)).then().statusCode(200).body("$", hasSize(2));
            Api.as(reader).get(base(t) + "/" + a).then().statusCode(200);
            Api.as(reader).body(body).post(base(t)).then().statusCode(403);
            Api.as(reader).body(Map.of("name", "Y", "type", "other", "version", 1)).put(base(t) + "/" + a).then().statusCode(403);
            depend(reader, t, a, b).then().statusCode(403);
            Api.as(reader).delete(base(t) + "/" + a + "/dependencies/" + b).then().statusCode(403);
            Api.as(reader).body(Map.of("codeComplete", true)).put(base(t) + "/" + a + "/completion").then().statusCode(403);
            Api.as(reader).body(Map.of("content", "# Doc")).put(base(t) + "/" + a + "/design-doc").then().statusCode(403);
            Api.as(reader).delete(base(t) + "/" + a).then().statusCode(403);
        }
        Api.as(t.member()).body(Map.of("content", "# Doc")).put(base(t) + "/" + a + "/design-doc").then().statusCode(200);
        Api.as(t.member()).post(base(t) + "/" + a + "/design-doc/approve").then().statusCode(403);
        Api.as(t.member()).get(base(t) + "/" + a).then().statusCode(200).body("component.docsComplete", org.hamcrest.Matchers.equalTo(false));
        Api.as(t.lead()).post(base(t) + "/" + a + "/design-doc/approve").then().statusCode(200);
        // An approved design doc is what complete docs are.
        Api.as(t.member()).get(base(t) + "/" + a).then().statusCode(200).body("component.docsComplete", org.hamcrest.Matchers.equalTo(true));
        Api.as(t.outsider()).get(base(t)).then().statusCode(404);
        Api.as(t.outsider()).body(body).post(base(t)).then().statusCode(404);
        depend(t.outsider(), t, a, b).then().statusCode(404);
        Api.as(t.outsider()).get(base(t) + "/" + a + "/design-doc").then().statusCode(404);
    }

    @Test
    void memberCreatesAndEditsComponentsWithValidation() {
        TestData.Team t = data.team();
        String ctx = Api.as(t.member()).body(Map.of("name", "Accounts", "type", "domain", "purpose", "Who is who"))
                .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201).extract().path("id");
        String id = Api.as(t.member()).body(Map.of("name", "Accounts.User", "type", "schema", "filePath", "lib/app/accounts/user.ex",
                        "contextId", ctx, "description", "A user"))
                .post(base(t)).then().statusCode(201)
                .body("name", equalTo("Accounts.User")).body("contextId", equalTo(ctx)).body("contextName", equalTo("Accounts"))
                .body("docsComplete", equalTo(false)).body("codeDerived", equalTo(false)).body("version", equalTo(1))
                .extract().path("id");
        Api.as(t.member()).body(Map.of("name", "accounts.user", "type", "schema")).post(base(t)).then().statusCode(422)
                .body("details.name", containsString("already called"));
        Api.as(t.member()).body(Map.of("name", "", "type", "robot")).post(base(t)).then().statusCode(422)
                .body("details.name", equalTo("Give the component a name")).body("details.type", containsString("Choose one of"));
        Api.as(t.member()).body(Map.of("name", "Z", "type", "other", "contextId", UUID.randomUUID().toString())).post(base(t))
                .then().statusCode(422).body("details.contextId", equalTo("No such context in this project"));
        Api.as(t.member()).body(Map.of("name", "Z", "type", "other", "filePath", "/srv/app/lib/z.ex")).post(base(t))
                .then().statusCode(422).body("details.filePath", containsString("inside the repository, from its root"));

        Api.as(t.member()).body(Map.of("name", "Accounts.Account", "type", "schema", "filePath", "lib/app/accounts/account.ex", "version", 1))
                .put(base(t) + "/" + id).then().statusCode(200).body("version", equalTo(2)).body("contextId", equalTo(null));
        Api.as(t.member()).body(Map.of("name", "Stale", "type", "schema", "version", 1))
                .put(base(t) + "/" + id).then().statusCode(409).body("details.current.name", equalTo("Accounts.Account"))
                .body("details.yours.name", equalTo("Stale"));
        Api.as(t.member()).body(Map.of("docsComplete", true, "testsComplete", true)).put(base(t) + "/" + id + "/completion")
                .then().statusCode(200).body("docsComplete", equalTo(true)).body("codeComplete", equalTo(false)).body("testsComplete", equalTo(true));
        Api.as(t.viewer()).get(base(t) + "/" + UUID.randomUUID()).then().statusCode(404);
        Api.as(t.viewer()).get(base(t) + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void edgeClosingACycleIsRefusedWithTheCycleNamed() {
        TestData.Team t = data.team();
        String a = create(t.member(), t, "A");
        String b = create(t.member(), t, "B");
        String c = create(t.member(), t, "C");
        depend(t.member(), t, a, b).then().statusCode(201).body("dependsOn", equalTo(b));
        depend(t.member(), t, b, c).then().statusCode(201);
        depend(t.member(), t, c, a).then().statusCode(409)
                .body("error", containsString("C \u2192 A \u2192 B \u2192 C"))
                .body("details.cycle", contains("C", "A", "B", "C"));
        depend(t.member(), t, a, a).then().statusCode(409).body("details.cycle", contains("A", "A"));
        depend(t.member(), t, a, b).then().statusCode(409).body("error", containsString("already depends"));
        depend(t.member(), t, a, UUID.randomUUID().toString()).then().statusCode(422).body("details.dependsOn", containsString("No such"));

        Api.as(t.viewer()).get(base(t)).then().statusCode(200)
                .body("find { it.name == 'A' }.dependsOn", contains(b))
                .body("find { it.name == 'B' }.dependsOn", contains(c));
        Api.as(t.viewer()).get(base(t) + "/" + a).then().statusCode(200)
                .body("transitiveDependencies", hasSize(2)).body("dependents", hasSize(0));
        Api.as(t.viewer()).get(base(t) + "/" + c).then().statusCode(200)
                .body("transitiveDependents", hasSize(2)).body("dependents", contains(b));

        Api.as(t.member()).delete(base(t) + "/" + b + "/dependencies/" + c).then().statusCode(204);
        depend(t.member(), t, c, a).then().statusCode(201);
    }

    @Test
    void concurrentEdgesNeverBuildACycle() throws Exception {
        TestData.Team t = data.team();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String a = create(t.member(), t, "P" + round);
                String b = create(t.member(), t, "Q" + round);
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> ab = pool.submit(() -> {
                    go.await();
                    return depend(t.member(), t, a, b).statusCode();
                });
                Future<Integer> ba = pool.submit(() -> {
                    go.await();
                    return depend(t.lead(), t, b, a).statusCode();
                });
                go.countDown();
                List<Integer> codes = new ArrayList<>(List.of(ab.get(), ba.get()));
                codes.sort(Integer::compare);
                assertEquals(List.of(201, 409), codes, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void designDocIsVersionedApprovedAndResetOnEdit() {
        TestData.Team t = data.team();
        String id = create(t.member(), t, "Orders");
        String doc = base(t) + "/" + id + "/design-doc";
        Api.as(t.viewer()).get(doc).then().statusCode(404);
        Api.as(t.lead()).post(doc + "/approve").then().statusCode(409);
        Api.as(t.member()).body(Map.of("content", "# Orders\nFirst.", "version", 0)).put(doc).then().statusCode(200)
                .body("version", equalTo(1)).body("approved", equalTo(false));
        Api.as(t.member()).body(Map.of("content", "# Orders\nSecond.", "version", 1)).put(doc).then().statusCode(200).body("version", equalTo(2));
        Api.as(t.lead()).body(Map.of("content", "# Orders\nLost?", "version", 1)).put(doc).then().statusCode(409)
                .body("details.currentVersion", equalTo(2)).body("details.current.content", equalTo("# Orders\nSecond."))
                .body("details.yours.content", equalTo("# Orders\nLost?"));
        Api.as(t.lead()).post(doc + "/approve").then().statusCode(200).body("approved", equalTo(true)).body("version", equalTo(2));
        Api.as(t.lead()).post(doc + "/approve").then().statusCode(409);
        Api.as(t.viewer()).get(doc).then().statusCode(200).body("approved", equalTo(true))
                .body("approvedVersion", equalTo(2)).body("revisions", hasSize(2))
                .body("revisions[0].version", equalTo(2)).body("revisions[1].content", equalTo("# Orders\nFirst."));
        UUID docId = designDocId(id);
        assertEquals(1, Approval.count("entityType = ?1 and entityId = ?2 and version = 2", "design_doc", docId));

        Api.as(t.member()).body(Map.of("content", "# Orders\nSecond.")).put(doc).then().statusCode(200)
                .body("version", equalTo(2)).body("approved", equalTo(true));
        Api.as(t.member()).body(Map.of("content", "# Orders\nThird.")).put(doc).then().statusCode(200)
                .body("version", equalTo(3)).body("approved", equalTo(false));
    }

    @Test
    void anEmptyOrBlankDesignDocIsRefusedAndSavesNoVersion() {
        TestData.Team t = data.team();
        String id = create(t.member(), t, "Refunds");
        String doc = base(t) + "/" + id + "/design-doc";
        for (String blank : List.of("", "  \n\t ")) {
            Api.as(t.member()).body(Map.of("content", blank)).put(doc).then().statusCode(422)
                    .body("details.content", equalTo("Write the design doc"));
        }
        Api.as(t.viewer()).get(doc).then().statusCode(404);
        Api.as(t.member()).body(Map.of("content", "# Refunds", "version", 0)).put(doc).then().statusCode(200).body("version", equalTo(1));
        Api.as(t.member()).body(Map.of("content", "", "version", 1)).put(doc).then().statusCode(422);
        Api.as(t.viewer()).get(doc).then().statusCode(200).body("version", equalTo(1)).body("content", equalTo("# Refunds"));
    }

    static UUID designDocId(String componentId) {
        return dev.specboard.architecture.DesignDoc.forComponent(UUID.fromString(componentId)).orElseThrow().id;
    }

    @Test
    void changedApprovedStoryMarksTheComponentsOfItsContextsDirtyUntilTheDesignDocIsApproved() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        int n = Api.as(t.member()).body(Map.of("title", "Sign in", "description", "As a user I sign in"))
                .post(p + "/stories").then().statusCode(201).extract().path("number");
        Api.as(t.member()).post(p + "/stories/" + n + "/submit").then().statusCode(200);
        Api.as(t.lead()).post(p + "/stories/" + n + "/approve").then().statusCode(200);
        String ctx = Api.as(t.member()).body(Map.of("name", "Accounts", "type", "domain", "purpose", "Who is who"))
                .post(p + "/contexts").then().statusCode(201).extract().path("id");
        Api.as(t.member()).body(Map.of("storyNumber", n)).post(p + "/contexts/" + ctx + "/stories").then().statusCode(201);
        String inCtx = Api.as(t.member()).body(Map.of("name", "Accounts.User", "type", "schema", "contextId", ctx))
                .post(base(t)).then().statusCode(201).extract().path("id");
        String outside = create(t.member(), t, "Billing");
        Api.as(t.member()).body(Map.of("content", "# User")).put(base(t) + "/" + inCtx + "/design-doc").then().statusCode(200);
        Api.as(t.lead()).post(base(t) + "/" + inCtx + "/design-doc/approve").then().statusCode(200);

        Api.as(t.member()).body(Map.of("title", "Sign in", "description", "As a user I sign in with a passkey", "version", 1))
                .put(p + "/stories/" + n).then().statusCode(200);

        Api.as(t.viewer()).get(base(t) + "/" + inCtx).then().statusCode(200)
                .body("component.dirty", equalTo(true)).body("designDoc.contextChanged", equalTo(true));
        Api.as(t.viewer()).get(base(t) + "/" + outside).then().statusCode(200).body("component.dirty", equalTo(false));
        Api.as(t.lead()).post(base(t) + "/" + inCtx + "/design-doc/approve").then().statusCode(200);
        Api.as(t.viewer()).get(base(t) + "/" + inCtx).then().statusCode(200).body("component.dirty", equalTo(false));
    }
}
