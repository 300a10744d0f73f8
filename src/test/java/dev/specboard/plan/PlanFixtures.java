package dev.specboard.plan;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.ProjectManifest;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/** A synced repository with checkout code, plans made through the real service, and the artifact documents the tests use. */
@ApplicationScoped
public class PlanFixtures {

    public static final String CART_V1 = "package shop.checkout;\n\nclass Cart {\n    int total() {\n        return 0;\n    }\n}\n";

    public static final String FEATURE_PLAN = """
            {"summary": "Let shoppers **pay** for their cart.",
             "goals": ["Pay by card", "Show the total before paying"],
             "scope": {"in": ["Card payments"], "out": ["Gift cards"]},
             "risks": [{"risk": "Double charges", "likelihood": "medium", "mitigation": "Idempotency keys"}]}""";

    public static final String STEPS = """
            {"steps": [
              {"name": "cart-total", "title": "Compute the cart total", "hours": 3, "files": ["src/checkout/Cart.java"],
               "details": "Sum the **line items**."},
              {"name": "payment-api", "title": "Payment API", "description": "Call the provider", "hours": 5,
               "files": ["src/checkout/Payment.java", "src/checkout/Cart.java"], "done": true}
            ]}""";

    @Inject
    RepoTestSupport repos;

    @Inject
    PlanService plans;

    @Inject
    SpecApiFixtures fx;

    /** A plan made over the API by a team's lead: the lead's token, the project's API root and the plan's id. */
    public record ApiPlan(String token, String api, String id) {
    }

    /** A repository "shop" with the checkout code, synced. */
    public Repo shop(Project project, Account by, GitFixture git) {
        git.commit("checkout", Map.of("src/checkout/Cart.java", CART_V1, "README.md", "# Shop\n"));
        Repo repo = repos.add(project, by, "shop", git.url());
        repos.awaitLatest(repo);
        return repo;
    }

    /** The team's synced "shop" repository (see {@link #shop}) and a plan on it made over the API by the team's lead. */
    public ApiPlan apiPlan(TestData.Team t, GitFixture git, String name, String targetBranch) {
        shop(t.project(), t.owner(), git);
        String token = fx.token(t.lead());
        String api = SpecApiFixtures.root(t);
        String id = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", name, "targetBranch", targetBranch)).post(api + "/repos/shop/plans").then().statusCode(201).extract().path("id");
        return new ApiPlan(token, api, id);
    }

    public String blobOf(Repo repo, String path) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectManifest.latest(repo.id).orElseThrow().files().stream()
                .filter(f -> f.path().equals(path)).map(ManifestEntry::blobSha).findFirst().orElseThrow());
    }

    /** Code changes that rewrite Cart.total() against the given base blob and add Payment.java. */
    public static String codeChanges(String baseBlob) {
        return """
                {"summary": "Totals and payments.",
                 "changes": [
                   {"path": "src/checkout/Cart.java", "action": "modify", "baseBlobSha": "%s",
                    "content": "package shop.checkout;\\n\\nclass Cart {\\n    int total() {\\n        return items.stream().mapToInt(Item::price).sum();\\n    }\\n}\\n"},
                   {"path": "src/checkout/Payment.java", "action": "create", "content": "class Payment {\\n}\\n"}
                 ]}""".formatted(baseBlob);
    }

    public static Access access(Project project, Account account, Role role) {
        return new Access(project, role, account.id);
    }

    public Plan plan(Access access, String repo, String name) {
        return plans.create(access, new PlanForm(repo, name, "Checkout for the shop", "main"));
    }

    public UUID newVersion(Access access, UUID planId) {
        return plans.newVersion(access, planId, dev.specboard.plan.PlanChanges.NONE).id;
    }

    /** Adds an artifact, saying which version of its type it replaces (as a client must once there is one). */
    public void artifact(Access access, UUID planId, ArtifactType type, String json) {
        long saved = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> PlanArtifact.count("planId = ?1 and artifactType = ?2", planId, type.value()));
        plans.addArtifact(access, planId, new ArtifactForm(type.value(), json, saved == 0 ? null : Long.toString(saved)));
    }

    /** Starts the plan's chat with a question and the assistant's complete answer, written as given (markdown). */
    public void answered(UUID planId, Account by, String question, String answer) {
        java.time.Instant now = java.time.Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            ChatSession session = new ChatSession();
            session.planId = planId;
            session.messages = ChatMessage.write(java.util.List.of(
                    new ChatMessage(UUID.randomUUID(), ChatMessage.USER, question, by.username, by.id, now, ChatMessage.COMPLETE, null, null),
                    new ChatMessage(UUID.randomUUID(), ChatMessage.ASSISTANT, answer, "assistant", null, now.plusMillis(1),
                            ChatMessage.COMPLETE, null, java.util.List.of())));
            session.persist();
        });
    }
}
