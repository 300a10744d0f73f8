package dev.specboard.repo;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.web.ParallelChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository removed while requests on it still run: they answer 404, not 500. A file page or a new thread that
 * finds the mirror gone says so; a row added under a row deleted meanwhile (PostgreSQL's foreign key refusing it) is
 * "deleted by someone else".
 */
@QuarkusTest
class RemovedMeanwhileTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Inject
    GitMirror mirror;

    @Inject
    EntityManager em;

    @Test
    void aRequestThatFindsTheMirrorGoneIs404SayingSo() throws Exception {
        TestData.Team t = data.team();
        Repo repo;
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "src/App.java", GitFixture.lines(30));
            repo = repos.add(t.project(), t.lead(), "app", git.url());
            repos.awaitLatest(repo);
        }
        String base = "/api/v1/projects/" + t.slug() + "/repos/app";
        fx.api(t.member()).get(base + "/files/src/App.java").then().statusCode(200);
        // What a removal committing at this moment leaves to the requests still reading: the row, not the mirror.
        GitMirror.deleteQuietly(mirror.mirrorDir(repo));
        fx.api(t.member()).get(base + "/files/src/App.java").then().statusCode(404)
                .body("error", containsString("The repository app is not here any more"));
        fx.api(t.reviewer()).body(Map.of("path", "src/App.java", "lineStart", 1, "body", "Why?")).post(base + "/threads").then()
                .statusCode(404).body("error", containsString("The repository app is not here any more"));
    }

    @Test
    void aRowAddedUnderARowDeletedMeanwhileIsGoneAndADeletionRefusedByItsChildrenIsNot() {
        TestData.Team t = data.team();
        RuntimeException orphan = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("insert into project_former_slugs (slug, project_id) values (:slug, :project)")
                        .setParameter("slug", "gone-" + UUID.randomUUID()).setParameter("project", UUID.randomUUID()).executeUpdate()));
        assertTrue(ParallelChange.isGone(orphan), orphan.toString());
        RuntimeException referenced = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from accounts where id = :id").setParameter("id", t.owner().id).executeUpdate()));
        assertFalse(ParallelChange.isGone(referenced), referenced.toString());
    }
}
