package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.support.OtherInstance;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The project's counters (migration V0006): moved at commit, once per transaction, and never a cause of deadlock. */
@QuarkusTest
class ProjectCountersTest {

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    @Test
    void aTransactionMovesTheCounterOnceAndOnlyWhenItCommits() throws Exception {
        TestData.Team t = data.team();
        Access access = new Access(t.project(), Role.MEMBER, t.member().id);
        for (int i = 0; i < 3; i++) {
            stories.create(access, new StoryForm("Story " + i, "As a user I want " + i, null, null));
        }
        long before = counter(t.project().id);
        try (Connection c = OtherInstance.connect()) {
            c.setAutoCommit(false);
            assertEquals(3, update(c, "update stories set title = title || '!' where project_id = ?", t.project().id));
            update(c, "update contexts set name = name where project_id = ?", t.project().id);
            assertEquals(before, counter(t.project().id), "not before the commit");
            c.commit();
        }
        assertEquals(before + 1, counter(t.project().id));
    }

    @Test
    void transactionsLockingStoriesInOppositeOrderDoNotDeadlockOverTheCounter() throws Exception {
        TestData.Team t = data.team();
        Access access = new Access(t.project(), Role.MEMBER, t.member().id);
        UUID first = stories.create(access, new StoryForm("First", "As a user I want one", null, null)).id;
        UUID second = stories.create(access, new StoryForm("Second", "As a user I want two", null, null)).id;
        long before = counter(t.project().id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection a = OtherInstance.connect(); Connection b = OtherInstance.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            // A holds the first story and B the second; then A waits for the second until B commits. Had a change
            // moved the counter at once, B would wait for A's counter row while A waits for B's story: a deadlock.
            update(a, "update stories set title = 'A1' where id = ?", first);
            // Waits of a minute: each ends once its statement has run, and 10 s could run out on a loaded CI machine.
            pool.submit(() -> update(b, "update stories set title = 'B2' where id = ?", second)).get(60, TimeUnit.SECONDS);
            Future<Integer> aSecond = pool.submit(() -> update(a, "update stories set title = 'A2' where id = ?", second));
            b.commit();
            assertEquals(1, aSecond.get(60, TimeUnit.SECONDS));
            a.commit();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 2, counter(t.project().id));
    }

    private static int update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            return s.executeUpdate();
        }
    }

    private static long counter(UUID projectId) throws SQLException {
        try (Connection c = OtherInstance.connect();
             PreparedStatement s = c.prepareStatement("select coalesce(max(value), 0) from project_counters where project_id = ? and name = 'stories'")) {
            s.setObject(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
