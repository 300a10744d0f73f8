package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.specboard.support.Mcp.answer;
import static dev.specboard.support.Mcp.id;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent maps stories to contexts and records components with their design docs through MCP, as a lead does on the pages. */
@QuarkusTest
class ArchitectureToolsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anAgentMapsAStoryAndRecordsAComponentWithItsDesignDoc() {
        TestData.Team t = data.team();
        String lead = fx.token(t.lead());
        String session = Mcp.initialize(lead);
        String slug = t.slug();

        String story = answer(lead, session, "create_story", false, "project", slug, "title", "Pay for the cart",
                "description", "As a shopper I pay", "acceptanceCriteria", "WHEN I pay THE SYSTEM SHALL charge the card");
        assertTrue(story.contains("\"number\":1"), story);
        String context = id(answer(lead, session, "create_context", false, "project", slug, "name", "Checkout", "type", "domain",
                "purpose", "Takes the money"));
        answer(lead, session, "add_story_to_context", false, "project", slug, "contextId", context, "storyNumber", 1);
        assertTrue(answer(lead, session, "list_contexts", false, "project", slug).matches("(?s).*\"storyNumbers\":\\[1].*"),
                "the story is mapped to the context");
        assertTrue(answer(lead, session, "add_story_to_context", true, "project", slug, "contextId", context, "storyNumber", 99).contains("99"),
                "an unknown story is named");

        String created = answer(lead, session, "create_component", false, "project", slug, "name", "PaymentService", "type", "other",
                "filePath", "src/pay/PaymentService.java", "contextId", context);
        String component = id(created);
        assertTrue(answer(lead, session, "create_component", true, "project", slug, "name", "Escape", "filePath", "../etc/passwd")
                .contains("filePath"), "a path outside the repository is refused by name");
        assertTrue(answer(lead, session, "get_component", false, "project", slug, "componentId", component).contains("PaymentService"));
        assertTrue(answer(lead, session, "get_component", true, "project", slug, "componentId", "not-an-id").length() > 0);

        answer(lead, session, "save_design_doc", false, "project", slug, "componentId", component, "content", "# Payments\n\nCharges cards.");
        String doc = answer(lead, session, "get_design_doc", false, "project", slug, "componentId", component);
        assertTrue(doc.contains("Charges cards.") && doc.contains("\"version\":1"), doc);

        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(1, "Checkout spec", java.util.List.of(), "cart"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201);
        String specs = answer(lead, session, "list_specs", false, "project", slug);
        assertTrue(specs.contains("\"key\":\"SPEC-1\"") && specs.contains("Checkout spec"), specs);
        fx.api(t.owner()).body(java.util.Map.of("name", "shop", "url", "https://example.test/shop.git")).post("/api/v1/projects/" + slug + "/repos")
                .then().statusCode(201);
        assertTrue(answer(lead, session, "list_repositories", false, "project", slug).contains("\"name\":\"shop\""));
    }
}
