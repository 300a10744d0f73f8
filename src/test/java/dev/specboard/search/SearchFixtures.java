package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.plan.ArtifactType;
import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A project with checkout things of every searchable kind: a story, a spec whose tasks are assigned
 * files under {@code src/checkout/}, a plan with steps, the synced checkout code and a review thread.
 */
@ApplicationScoped
public class SearchFixtures {

    @Inject
    PlanFixtures plans;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    /** Fills the team's project; answers the synced repository. */
    public Repo checkoutProject(TestData.Team t, GitFixture git, String storyDescription) {
        String token = tokens.create(t.lead().id, "fixture", null, null).value();
        String api = ApiPaths.project(t.slug());
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("title", "Checkout flow", "description", storyDescription))
                .post(api + "/stories").then().statusCode(201);
        RestAssured.given().auth().oauth2(token).contentType("application/json").body("""
                {"title": "Checkout", "specType": "hierarchical", "overview": "Pay for the cart",
                 "phases": [{"name": "cart-total", "description": "Totals", "hours": 2, "content": "Sum lines", "assignedFiles": ["src/checkout/Cart.java"]},
                            {"name": "payment", "description": "Card payments", "hours": 3, "content": "Call the provider", "assignedFiles": ["src/checkout/Payment.java"]},
                            {"name": "emails", "description": "Receipts", "hours": 1, "content": "Send mails", "assignedFiles": ["src/mail/Receipt.java"]}]}""")
                .post(api + "/specs").then().statusCode(201);
        git.commit("payment", Map.of("src/checkout/Payment.java", "class Payment {\n  // charges the card at checkout\n}\n",
                "src/mail/Receipt.java", "class Receipt {\n}\n"));
        Repo repo = plans.shop(t.project(), t.owner(), git);
        awaitIndexed(repo);
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        Plan plan = plans.plan(lead, "shop", "Checkout plan");
        plans.artifact(lead, plan.id, ArtifactType.IMPLEMENTATION_STEPS, PlanFixtures.STEPS);
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("path", "src/checkout/Cart.java", "lineStart", 4, "lineEnd", 5, "body", "The checkout total ignores discounts."))
                .post(api + "/repos/shop/threads").then().statusCode(201);
        return repo;
    }

    /** Waits until the repository's files of its latest manifest are in the search index. */
    public void awaitIndexed(Repo repo) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    SELECT count(*) FROM file_text_indexes i WHERE i.repository_id = ?1
                    AND i.manifest_version = (SELECT max(version) FROM project_manifests WHERE repository_id = ?1)""")
                    .setParameter(1, repo.id).getSingleResult()).intValue() == 1);
            if (done) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the files of " + repo.name + " were not indexed within 60 s");
    }
}
