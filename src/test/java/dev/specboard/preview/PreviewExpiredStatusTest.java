package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview whose expiry has passed reads EXPIRED at once, on the previews page and over the API, though the cleanup has
 * not yet recorded the stage: it said READY (its link already answers 404) until the cleanup's next round.
 */
@QuarkusTest
class PreviewExpiredStatusTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anExpiredPreviewTheCleanupHasNotReachedReadsExpired() throws Exception {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String id = PreviewLifecycleTest.createPreview(t, "", 2);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // Held until the reads are done: the cleanup claims rows FOR UPDATE SKIP LOCKED, so it passes this one by.
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM preview_sessions WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, UUID.fromString(id));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(PreviewSession.READY, rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE preview_sessions SET expires_at = ? WHERE id = ?")) {
                ps.setObject(1, java.sql.Timestamp.from(Instant.now().minusSeconds(5)));
                ps.setObject(2, UUID.fromString(id));
                ps.executeUpdate();
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM preview_sessions WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, UUID.fromString(id));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!PreviewSession.READY.equals(rs.getString(1))) {
                        org.junit.jupiter.api.Assumptions.abort("the cleanup reached the preview between two statements");
                    }
                }
            }
            org.jsoup.nodes.Document list = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/previews"));
            assertEquals("Expired", list.selectFirst("#status-" + id).text());
            String when = list.getElementById("preview-" + id).selectFirst("p").text();
            assertTrue(when.contains("expired just now") && !when.contains("expires"), when);
            fx.api(t.lead()).get("/api/v1/projects/" + t.slug() + "/previews/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
            fx.api(t.lead()).get("/api/v1/projects/" + t.slug() + "/previews").then().statusCode(200).body("find { it.id == '" + id + "' }.status", equalTo("EXPIRED"));
            c.rollback();
        }
    }
}
