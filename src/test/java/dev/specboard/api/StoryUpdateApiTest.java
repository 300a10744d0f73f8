package dev.specboard.api;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** PUT a story changes the texts it gives and keeps the ones it leaves out, as PUT a page, feature, journey or project does. */
@QuarkusTest
class StoryUpdateApiTest {

    @Inject
    TestData data;

    @Test
    void aTextLeftOutKeepsItsValueAndAnEmptyOneEmptiesIt() {
        TestData.Team t = data.team();
        String stories = "/api/v1/projects/" + t.slug() + "/stories";
        Api.as(t.member()).body(Map.of("title", "Checkout", "description", "As a buyer I pay", "acceptanceCriteria",
                "- WHEN I pay THE SYSTEM SHALL thank me")).post(stories).then().statusCode(201);
        Api.as(t.member()).body(Map.of("title", "Pay for the cart", "version", 1)).put(stories + "/1").then().statusCode(200)
                .body("title", equalTo("Pay for the cart")).body("description", equalTo("As a buyer I pay"))
                .body("acceptanceCriteria", equalTo("- WHEN I pay THE SYSTEM SHALL thank me")).body("version", equalTo(2));
        Api.as(t.member()).body(Map.of("acceptanceCriteria", "", "version", 2)).put(stories + "/1").then().statusCode(200)
                .body("title", equalTo("Pay for the cart")).body("description", equalTo("As a buyer I pay"))
                .body("acceptanceCriteria", org.hamcrest.Matchers.anyOf(nullValue(), equalTo("")));
    }
}
