package dev.specboard.project;

import dev.specboard.support.OtherInstance;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project policy reads the project's version with the caller's role, and takes the project from the second-level
 * cache only at that version: a change made anywhere (here, another instance, SQL) shows at once.
 */
@QuarkusTest
class ProjectAccessTest {

    @Inject
    TestData data;

    @Inject
    EntityManagerFactory emf;

    private static String page(TestData.Team t) {
        return "/projects/" + t.slug() + "/stories";
    }

    @Test
    void aProjectChangedOnAnotherInstanceShowsAtOnceAndArchivingThereRefusesChangesHere() throws Exception {
        TestData.Team t = data.team();
        assertTrue(Web.html(Web.as(t.member()).get(page(t))).title().contains(t.project().name));
        assertEquals(1, OtherInstance.update("update projects set name = 'Renamed elsewhere' where id = ?", t.project().id));
        assertTrue(Web.html(Web.as(t.member()).get(page(t))).title().contains("Renamed elsewhere"));
        assertEquals(1, OtherInstance.update("update projects set status = 'archived' where id = ?", t.project().id));
        Web.as(t.member()).get("/projects/" + t.slug() + "/stories/new").then().statusCode(409);
    }

    @Test
    void anUpdateInSqlMovesTheVersionAndOneByHibernateMovesItOnce() throws Exception {
        TestData.Team t = data.team();
        int before = version(t.project().id);
        OtherInstance.update("update projects set description = 'by SQL' where id = ?", t.project().id);
        assertEquals(before + 1, version(t.project().id));
        OtherInstance.update("update projects set description = 'by a tool that moves it', version = version + 1 where id = ?", t.project().id);
        assertEquals(before + 2, version(t.project().id));
    }

    @Test
    void aRepeatedPageTakesTheProjectFromTheCacheAndAChangeReadsItOnceMore() throws Exception {
        TestData.Team t = data.team();
        Web.as(t.member()).get(page(t)).then().statusCode(200);
        List<String> again = SqlCounter.statements(() -> Web.as(t.member()).get(page(t)).then().statusCode(200));
        assertEquals(0, again.stream().filter(q -> q.contains("from projects p1_0")).count(), again.toString());
        OtherInstance.update("update projects set description = 'changed' where id = ?", t.project().id);
        List<String> changed = SqlCounter.statements(() -> Web.as(t.member()).get(page(t)).then().statusCode(200));
        assertEquals(1, changed.stream().filter(q -> q.contains("from projects p1_0")).count(), changed.toString());
    }

    @Test
    void aRequestThatRunsANativeUpdateLeavesTheKeptProjectsInTheCache() throws Exception {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        Web.as(t.member()).get(page(t)).then().statusCode(200);
        Web.as(other.member()).get(page(other)).then().statusCode(200);
        assertTrue(emf.getCache().contains(Project.class, t.project().id) && emf.getCache().contains(Project.class, other.project().id));
        // Setting the board's column limits writes them with native updates; they name their table, so the cache keeps the projects.
        assertEquals(303, Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-claimed", "7")
                .post("/projects/" + t.slug() + "/board/limits").statusCode());
        assertEquals(1, count("select count(*) from board_wip_limits where project_id = ?", t.project().id), "the limit is saved");
        assertTrue(emf.getCache().contains(Project.class, other.project().id), "another project stays in the cache");
        assertTrue(emf.getCache().contains(Project.class, t.project().id), "the project of the request stays in the cache");
        List<String> again = SqlCounter.statements(() -> Web.as(other.member()).get(page(other)).then().statusCode(200));
        assertEquals(0, again.stream().filter(q -> q.contains("from projects p1_0")).count(), again.toString());
    }

    private static int count(String sql, UUID project) throws SQLException {
        try (var c = OtherInstance.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, project);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int version(UUID project) throws SQLException {
        try (var c = OtherInstance.connect(); PreparedStatement s = c.prepareStatement("select version from projects where id = ?")) {
            s.setObject(1, project);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
