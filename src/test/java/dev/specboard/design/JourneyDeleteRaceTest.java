package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.LockWaits;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feature saved naming a journey while that journey is being deleted never keeps the deleted journey's id. */
@QuarkusTest
class JourneyDeleteRaceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JourneyService journeys;

    @Test
    void aFeatureSavedWhileItsJourneyIsDeletedWaitsAndIsToldTheJourneyIsGone() throws Exception {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String journey = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(Map.of("key", "pay", "nodeType", "action",
                "data", Map.of("label", "Pay"))), "connections", List.of())).post(api + "/journeys").then().statusCode(201).extract().path("id");
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Orders")).post(api + "/features").then().statusCode(201).extract().path("id");

        // The save reads the journey as still there (the deletion has not committed): it must wait for the deletion.
        Response saved = LockWaits.assertWaitsFor(
                () -> journeys.delete(new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id), UUID.fromString(journey)),
                () -> fx.api(t.member()).body(Map.of("name", "Orders", "requiredJourneys", List.of(journey), "version", 1))
                        .put(api + "/features/" + feature).then().extract().response(), "saving a feature naming the journey being deleted");
        assertEquals(422, saved.statusCode(), saved.asString());
        assertTrue(saved.asString().contains("There is no journey " + journey), saved.asString());
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("requiredJourneys"));
    }

    @Test
    void aJourneyEditedWhileItIsDeletedWaitsAndIsToldItIsGone() throws Exception {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String journey = fx.api(t.member()).body(Map.of("name", "Signup", "nodes", List.of(), "connections", List.of()))
                .post(api + "/journeys").then().statusCode(201).extract().path("id");

        // The edit found the journey, then waited for its row lock: the row is gone when the lock is granted.
        Response edited = LockWaits.assertWaitsFor(
                () -> journeys.delete(new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id), UUID.fromString(journey)),
                () -> fx.api(t.member()).body(Map.of("name", "Sign-up", "version", 1)).put(api + "/journeys/" + journey)
                        .then().extract().response(), "editing the journey being deleted");
        assertEquals(404, edited.statusCode(), edited.asString());
        assertTrue(edited.asString().contains("deleted"), edited.asString());
    }
}
