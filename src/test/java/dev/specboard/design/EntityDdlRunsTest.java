package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL export runs on PostgreSQL as it is: tables after the tables they reference, a cycle closed once both exist, and a
 * renamed entity referenced by its new table (the others' relationships follow the rename, also through a later inference).
 */
@QuarkusTest
class EntityDdlRunsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void aRenamedEntityIsReferencedByItsNewNameAndTheExportRuns() throws SQLException {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        // The pages' background inference, ending after a version is read below, would make the rename a stale save.
        EntityResourceTest.quiet(fx, t);
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        String company = (String) EntityResourceTest.entity(inferred, "Company").get("id");
        assertEquals(List.of("Company"), targets(EntityResourceTest.entity(inferred, "Contact")));

        fx.api(t.member()).body(Map.of("entityName", "Organisation", "version", EntityResourceTest.entity(inferred, "Company").get("version")))
                .put(api + "/entities/" + company).then().statusCode(200)
                .body("pluralName", org.hamcrest.Matchers.equalTo("organisations"));
        List<Map<String, Object>> renamed = fx.api(t.viewer()).get(api + "/entities").then().statusCode(200).extract().path("");
        assertEquals(List.of("Organisation"), targets(EntityResourceTest.entity(renamed, "Contact")), "the relationship follows the rename");
        List<Map<String, Object>> again = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        assertEquals(List.of("Organisation"), targets(EntityResourceTest.entity(again, "Contact")), "and a later inference keeps it");

        String ddl = fx.api(t.viewer()).get(api + "/entities/ddl").then().statusCode(200).extract().path("ddl");
        assertTrue(ddl.contains("REFERENCES organisations (id)"), ddl);
        assertFalse(ddl.contains("companies"), ddl);
        assertTrue(ddl.indexOf("CREATE TABLE organisations") < ddl.indexOf("CREATE TABLE contacts"), "the referenced table first: " + ddl);
        runs(ddl);
    }

    @Test
    void aCycleIsClosedOnceBothTablesExistAndAMissingTargetStaysAPlainId() throws SQLException {
        InferredEntity team = entity("Team", Map.of("lead", "Person", "parent", "Team"));
        InferredEntity person = entity("Person", Map.of("team", "Team", "desk", "Desk"));
        String ddl = EntityDdl.ddl(List.of(team, person));
        assertTrue(ddl.contains("ALTER TABLE"), ddl);
        assertTrue(ddl.contains("parent_id uuid REFERENCES teams (id)"), "a table may reference itself as it is made: " + ddl);
        assertTrue(ddl.contains("desk_id uuid,") || ddl.contains("desk_id uuid\n"), "no Desk entity, no reference to a table never made: " + ddl);
        assertFalse(ddl.contains("desks"), ddl);
        runs(ddl);
    }

    /** Each of these inputs made a script PostgreSQL refused: a reserved word, a generated column's name, text checks on other types, varchar(0). */
    @Test
    void aFormOfAwkwardInputsGivesAScriptThatRuns() throws SQLException {
        TestData.Team t = data.team();
        PageResourceTest.createPage(t, "Message", "/message", null, "<main><form data-entity=\"message\">"
                + "<input name=\"to\" type=\"email\" required><input name=\"when\" type=\"datetime-local\"><input name=\"created_at\" type=\"date\">"
                + "<input name=\"quantity\" type=\"number\" pattern=\"[0-9]*\"><input name=\"born_on\" type=\"date\" pattern=\"\\d{4}-\\d{2}-\\d{2}\">"
                + "<input name=\"code\" maxlength=\"0\"><input name=\"agree\" type=\"checkbox\" minlength=\"1\"><input name=\"user\" pattern=\"[a-z]+\" minlength=\"2\">"
                + "<button>Send</button></form></main>", "");
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        String ddl = fx.api(t.viewer()).get(api + "/entities/ddl").then().statusCode(200).extract().path("ddl");
        assertTrue(ddl.contains("\"to\" varchar(320) NOT NULL"), ddl);
        assertTrue(ddl.contains("\"when\" timestamptz"), ddl);
        assertTrue(ddl.contains("created_at_2 date"), "the form's created_at beside the generated one: " + ddl);
        assertFalse(ddl.contains("varchar(0)"), ddl);
        assertFalse(ddl.contains("quantity ~") || ddl.contains("born_on ~") || ddl.contains("length(agree)"), "text checks on text only: " + ddl);
        assertTrue(ddl.contains("length(\"user\") >= 2") && ddl.contains("\"user\" ~ "), "a text column keeps its checks: " + ddl);
        runs(ddl);
    }

    @Test
    void tableAndColumnNamesAreUniqueOnceNormalisedAndCutTo63() throws SQLException {
        String longName = "A" + "very_long_name_".repeat(6);
        InferredEntity orderItem = entity("OrderItem", Map.of());
        InferredEntity orderItem2 = entity("Order_Item", Map.of("order_item", "OrderItem"));
        InferredEntity long1 = entity(longName + "One", Map.of());
        InferredEntity long2 = entity(longName + "Two", Map.of("parent", longName + "One"));
        Map<String, EntityModel.Field> fields = new java.util.LinkedHashMap<>(long2.fieldMap());
        EntityModel.Field text = new EntityModel.Field("string", false, false, false, 50, null, List.of(), Map.of(), List.of(), 0.5);
        fields.put("column_" + "x".repeat(70) + "_a", text);
        fields.put("column_" + "x".repeat(70) + "_b", text);
        fields.put("Updated At", text);
        long2.fields = DesignJson.write(fields);
        String ddl = EntityDdl.ddl(List.of(orderItem, orderItem2, long1, long2));
        assertTrue(ddl.contains("CREATE TABLE order_items (") && ddl.contains("CREATE TABLE order_items_2 ("), ddl);
        assertTrue(ddl.contains("updated_at_2 varchar(50)"), ddl);
        for (String line : ddl.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            for (String word : line.replaceAll("'[^']*'", "").split("[^A-Za-z0-9_]+")) {
                assertTrue(word.length() <= EntityDdl.MAX_IDENT, word);
            }
        }
        runs(ddl);
    }

    /** Every word this PostgreSQL reserves, as a column: the export quotes each one it must. */
    @Test
    void everyReservedWordOfThisPostgresqlIsQuoted() throws SQLException {
        List<String> words = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY word")) {
            while (r.next()) {
                words.add(r.getString(1));
            }
        }
        assertTrue(words.contains("to") && words.contains("when"), words.toString());
        assertTrue(EntityDdl.RESERVED.containsAll(words), "not quoted: " + words.stream().filter(w -> !EntityDdl.RESERVED.contains(w)).toList());
        InferredEntity all = entity("Reserved", Map.of());
        Map<String, EntityModel.Field> fields = new java.util.LinkedHashMap<>();
        words.forEach(w -> fields.put(w, new EntityModel.Field("string", false, false, false, 10, null, List.of(), Map.of("min_length", 1), List.of(), 0.5)));
        all.fields = DesignJson.write(fields);
        runs(EntityDdl.ddl(List.of(all)));
    }

    private static InferredEntity entity(String name, Map<String, String> references) {
        InferredEntity e = new InferredEntity();
        e.id = UUID.randomUUID();
        e.entityName = name;
        e.inferredName = name;
        e.confidenceScore = 0.5;
        Map<String, EntityModel.Field> fields = new java.util.LinkedHashMap<>();
        fields.put("name", new EntityModel.Field("string", true, false, false, 100, "Name", List.of(), Map.of(), List.of(), 0.9));
        List<EntityModel.Relationship> relationships = new java.util.ArrayList<>();
        new java.util.TreeMap<>(references).forEach((field, target) -> {
            fields.put(field, new EntityModel.Field("reference", false, false, false, null, field, List.of(), Map.of(), List.of(), 0.5));
            relationships.add(new EntityModel.Relationship("belongs_to", target, field + "_id", "has_many", field, List.of()));
        });
        e.fields = DesignJson.write(fields);
        e.relationships = DesignJson.write(relationships);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> entity) {
        return ((List<Map<String, Object>>) entity.get("relationships")).stream().map(r -> (String) r.get("targetEntity")).toList();
    }

    /** Runs the script in a schema of its own, in a transaction rolled back: PostgreSQL refuses any statement in a wrong order. */
    private void runs(String ddl) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                String schema = "ddl_check_" + UUID.randomUUID().toString().replace("-", "");
                s.execute("CREATE SCHEMA " + schema);
                s.execute("SET LOCAL search_path TO " + schema);
                s.execute(ddl);
                s.execute("SELECT 1");
            } finally {
                c.rollback();
            }
        }
    }
}
