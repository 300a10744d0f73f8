package dev.specboard.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A spec of 62 phases with a problem in each answered 422 with its {@code details} shuffled ({@code phases[34]},
 * {@code phases[44]}, {@code phases[30]}...): an unordered copy of the errors lost their order. They now come in the
 * order of the body, phase by phase.
 */
@QuarkusTest
class SpecErrorOrderTest {

    @Inject
    TestData data;

    @Test
    void theDetailsOfManyPhasesComeInTheOrderOfThePhases() throws Exception {
        TestData.Team t = data.team();
        List<Map<String, Object>> phases = IntStream.range(0, 62)
                .mapToObj(i -> Map.<String, Object>of("name", "Phase " + i, "hours", -1, "content", "x")).toList();
        Response r = Api.as(t.member()).body(Map.of("title", "Big", "specType", "hierarchical", "phases", phases))
                .post("/api/v1/projects/" + t.slug() + "/specs");
        assertEquals(422, r.statusCode(), r.asString());
        Map<String, Object> answer = new ObjectMapper().readValue(r.asString(), new TypeReference<LinkedHashMap<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<String> keys = List.copyOf(((Map<String, Object>) answer.get("details")).keySet());
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 62).forEach(i -> {
            expected.add("phases[" + i + "].name");
            expected.add("phases[" + i + "].hours");
        });
        assertEquals(expected, keys);
    }
}
