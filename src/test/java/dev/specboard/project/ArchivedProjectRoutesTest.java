package dev.specboard.project;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.Routes;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The census of writes in an archived project: every state-changing route of the application (pages
 * and API, found by scanning the compiled classes) and every MCP tool that changes something is
 * refused with 409 for the project's owner, and nothing in the project's tables changes. Routes and
 * tools added later are covered without editing this test.
 */
@QuarkusTest
class ArchivedProjectRoutesTest {

    /**
     * The only writes an archived project accepts: its owner unarchives it (or archives it again), and a lead closes access
     * it gave out (revokes a preview link, see PreviewArchivedRevokeTest), which here looks for the link and finds none.
     */
    private static final Set<String> ALLOWED = Set.of("/projects/{slug}/settings/unarchive", "/projects/{slug}/settings/archive",
            "/api/v1/projects/{slug}/unarchive", "/api/v1/projects/{slug}/previews/{id}/revoke", "/projects/{slug}/previews/{id}/revoke");
    private static final Set<String> ALLOWED_TOOLS = Set.of("revoke_preview");

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @Test
    void everyWriteRouteAndToolRefusesAnArchivedProjectAndChangesNothing() {
        TestData.Team team = data.team();
        String token = tokens.create(team.owner().id, "archive walker", null, null).value();
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body("{\"title\":\"Kept as it is\",\"description\":\"Written before the archive\"}")
                .post("/api/v1/projects/" + team.slug() + "/stories").then().statusCode(201);
        Web.as(team.owner()).formParam("x", "1").post("/projects/" + team.slug() + "/settings/archive").then().statusCode(303);
        Map<String, String> before = fingerprint(team.project().id);

        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Routes.Route route : ProjectRoutesTest.routes()) {
            if (Set.of("GET", "HEAD", "OPTIONS").contains(route.method()) || ALLOWED.contains(route.template())) {
                continue;
            }
            walked++;
            String path = ProjectRoutesTest.fill(route, team.slug());
            RequestSpecification spec = route.api()
                    ? RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token)
                    : Web.as(team.owner());
            Response r = ProjectRoutesTest.send(ProjectRoutesTest.withBody(spec.config(ProjectRoutesTest.timeouts()), route),
                    route.method(), path);
            if (r.statusCode() != 409 || !r.asString().contains("archived")) {
                failures.add(route.describe() + " as " + path + " answered " + r.statusCode());
            }
        }
        assertTrue(walked > 40, "the scan found only " + walked + " write routes");

        String session = Mcp.initialize(token);
        List<Map<String, Object>> tools = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Mcp-Session-Id", session).header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").post("/api/mcp")
                .then().statusCode(200).extract().jsonPath().getList("result.tools");
        int writeTools = 0;
        for (Map<String, Object> tool : tools) {
            String name = (String) tool.get("name");
            if (readOnly(tool) || !projectScoped(tool) || ALLOWED_TOOLS.contains(name)) {
                continue;
            }
            writeTools++;
            String args = argumentsFor(tool, team.slug());
            JsonPath answer = RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .header("Mcp-Session-Id", session).header("Accept", "application/json, text/event-stream")
                    .body("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
                            + "\",\"arguments\":" + args + "}}").post("/api/mcp").then().extract().jsonPath();
            boolean refused = Boolean.TRUE.equals(answer.get("result.isError")) && String.valueOf((Object) answer.get("result.content")).contains("archived");
            if (!refused) {
                failures.add("MCP tool " + name + " " + args + " answered " + answer.prettify());
            }
        }
        assertTrue(writeTools > 5, "the scan found only " + writeTools + " MCP tools that change something");

        assertTrue(failures.isEmpty(), "an archived project must refuse every write with 409:\n" + String.join("\n", failures));
        assertEquals(before, fingerprint(team.project().id), "nothing in the archived project may change");
    }

    /** A tool changes something unless it says it only reads, or its name says so (list_, get_, search). */
    private static boolean readOnly(Map<String, Object> tool) {
        Object annotations = tool.get("annotations");
        if (annotations instanceof Map<?, ?> a && a.get("readOnlyHint") != null) {
            return Boolean.TRUE.equals(a.get("readOnlyHint"));
        }
        String name = (String) tool.get("name");
        return name.startsWith("list_") || name.startsWith("get_") || name.startsWith("search");
    }

    /** A tool without a project argument acts on the caller's own things (marking a notification read), like the non-{slug} routes. */
    @SuppressWarnings("unchecked")
    private static boolean projectScoped(Map<String, Object> tool) {
        Map<String, Object> schema = (Map<String, Object>) tool.getOrDefault("inputSchema", Map.of());
        return ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).containsKey("project");
    }

    /** Plausible values for the tool's arguments, named after its input schema: the archive check comes first anyway. */
    @SuppressWarnings("unchecked")
    private static String argumentsFor(Map<String, Object> tool, String slug) {
        Map<String, Object> schema = (Map<String, Object>) tool.getOrDefault("inputSchema", Map.of());
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Map<String, Object> args = new LinkedHashMap<>();
        properties.forEach((name, definition) -> {
            String type = String.valueOf(((Map<String, Object>) definition).get("type"));
            String n = name.toLowerCase();
            Object value;
            if (n.equals("project")) {
                value = slug;
            } else if (type.equals("integer") || type.equals("number")) {
                value = 1;
            } else if (type.equals("boolean")) {
                value = false;
            } else if (type.equals("array")) {
                value = List.of();
            } else if (type.equals("object")) {
                value = Map.of();
            } else if (n.contains("task")) {
                value = "TASK-1-1";
            } else if (n.contains("spec")) {
                value = "SPEC-1";
            } else if (n.contains("sha")) {
                value = "0123456789abcdef0123456789abcdef01234567";
            } else if (n.contains("thread") || n.endsWith("id")) {
                value = UUID.randomUUID().toString();
            } else {
                value = "x";
            }
            args.put(name, value);
        });
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(args).toString();
    }

    /** A digest of every row of the project in every table that has a project_id, and of the project row itself. */
    @Transactional
    Map<String, String> fingerprint(UUID projectId) {
        Map<String, String> digests = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<String> tables = em.createNativeQuery("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'project_id' order by table_name").getResultList();
        for (String table : tables) {
            Object digest = em.createNativeQuery("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                    + table + " t where project_id = :p").setParameter("p", projectId).getSingleResult();
            digests.put(table, String.valueOf(digest));
        }
        digests.put("projects", String.valueOf(em.createNativeQuery("select md5(p::text) from projects p where id = :p")
                .setParameter("p", projectId).getSingleResult()));
        return digests;
    }
}
