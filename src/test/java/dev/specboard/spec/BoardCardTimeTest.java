package dev.specboard.spec;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A card's age ("7m") is a time like the others: the instant for machines and the date on hover, not only "Time in this column". */
@QuarkusTest
class BoardCardTimeTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aCardsAgeCarriesTheDateItCameIntoItsColumn() {
        TestData.Team t = data.team();
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Ages", List.of(), "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        Document board = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/board"));
        Element age = board.selectFirst("#card-TASK-1-1 time[datetime]");
        assertNotNull(age, board.select("#card-TASK-1-1").outerHtml());
        Instant since = Instant.parse(age.attr("datetime"));
        assertTrue(Duration.between(since, Instant.now()).abs().toMinutes() < 10, "the task came into pending just now: " + since);
        assertTrue(age.attr("title").startsWith("In this column since "), age.attr("title"));
        assertTrue(age.attr("title").length() > "In this column since ".length() + 8, "with the full date: " + age.attr("title"));
        assertTrue(age.text().matches("<1m|\\d+[mhd]"), age.text());
    }
}
