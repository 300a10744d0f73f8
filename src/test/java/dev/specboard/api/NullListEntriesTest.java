package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A null in a list of words (a page's key elements, an item's tags) is refused naming the entry: it was kept as the word
 * "null", and then dropped without a word, as if it had not been sent.
 */
@QuarkusTest
class NullListEntriesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aNullInAListOfWordsIsRefusedNamingTheEntry() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        assertEquals("An entry is a value, not null: leave it out instead", fx.api(t.member())
                .body("{\"name\":\"Home\",\"path\":\"/home\",\"keyElements\":[\"header\",null]}")
                .post(api + "/pages").then().statusCode(422).extract().path("details.'keyElements[1]'"));
        assertEquals("An entry is a value, not null: leave it out instead", fx.api(t.member())
                .body("{\"itemType\":\"text\",\"text\":\"Calm\",\"tags\":[null,\"blue\"]}")
                .post(api + "/context-items").then().statusCode(422).extract().path("details.'tags[0]'"));
        assertEquals(List.of("header"), fx.api(t.member()).body("{\"name\":\"Home\",\"path\":\"/home\",\"keyElements\":[\"header\"]}")
                .post(api + "/pages").then().statusCode(201).extract().path("keyElements"));
    }
}
