package dev.specboard.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document at /q/openapi is one a client generator can trust, for every operation of API v1. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private static JsonPath document() {
        return RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDeclaresItsSecurityStatusCodesAndTypedBodies() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                List<Map<String, Object>> security = (List<Map<String, Object>>) op.get("security");
                boolean signup = name.equals("POST /api/v1/accounts");
                String scheme = name.equals("POST /api/v1/tokens") ? "basic" : "bearer";
                if (!signup && (security == null || security.stream().noneMatch(s -> s.containsKey(scheme)))) {
                    problems.add(name + " has no " + scheme + " security requirement");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getOrDefault("responses", Map.of());
                if (!signup && !responses.containsKey("401")) {
                    problems.add(name + " does not declare 401");
                }
                List<String> success = responses.keySet().stream().filter(c -> c.startsWith("2")).toList();
                if (success.isEmpty()) {
                    problems.add(name + " declares no success code");
                }
                for (String code : success) {
                    if (!code.equals("204") && !typed((Map<String, Object>) responses.get(code).get("content"))) {
                        problems.add(name + " answers " + code + " with an untyped body");
                    }
                }
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") && !String.valueOf(response.get("content")).contains("#/components/schemas/ApiError")) {
                        problems.add(name + " answers " + code + " without the error schema");
                    }
                });
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                if (body != null && !typed((Map<String, Object>) body.get("content"))) {
                    problems.add(name + " takes an untyped body");
                }
            }
        }
        assertTrue(operations > 60, "operations found: " + operations);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * Creating a feature needs its name and what users can do (the API answers 422 without them), but its body was the
     * change's too, which keeps what it leaves out: the document said nothing was required. The create body is its own.
     */
    @Test
    void aNewFeatureBodyRequiresWhatUsersCanDoAndAChangeRequiresNothing() {
        JsonPath doc = document();
        String create = schema(doc, "paths.'/api/v1/projects/{slug}/features'.post");
        String change = schema(doc, "paths.'/api/v1/projects/{slug}/features/{id}'.put");
        assertEquals(List.of("name", "userDescription"), doc.getList(create + ".required"), create);
        assertEquals(null, doc.getList(change + ".required"), change);
        assertEquals(doc.getMap(change + ".properties").keySet(), doc.getMap(create + ".properties").keySet(), "the same fields");
    }

    /** The component schema of an operation's JSON body, as a path into the document. */
    private static String schema(JsonPath doc, String operation) {
        String ref = doc.getString(operation + ".requestBody.content.'application/json'.schema.$ref");
        return "components.schemas." + ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void statusCodesEnumsPatternsAndTheErrorSchemaAreTheApisOwn() {
        JsonPath doc = document();
        assertEquals("http", doc.getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals(List.of("error", "details"), doc.getList("components.schemas.ApiError.required"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/stories'.post.responses").containsKey("201"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/repos/{name}/sync'.post.responses").containsKey("202"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/components/{id}'.delete.responses").containsKey("204"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/journeys/{id}'.delete.responses").containsKey("204"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/context-items/{id}'.delete.responses").containsKey("204"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/pages/{id}'.delete.responses").containsKey("204"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/features/{id}'.delete.responses").containsKey("204"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/tasks/claim-next'.post.responses").keySet().containsAll(Set.of("200", "204", "409")));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/stories/{number}'.put.responses").keySet().containsAll(Set.of("200", "409", "422")));
        // A paged list's answer names the headers that point at its other pages (its body is the bare array).
        for (String list : List.of("features", "pages", "journeys", "entities", "context-items", "jobs", "plans")) {
            assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/" + list + "'.get.responses.'200'.headers").keySet()
                    .containsAll(Set.of("Link", "X-Total-Count")), list);
        }
        assertEquals(null, doc.getMap("paths.'/api/v1/projects/{slug}/members'.get.responses.'200'.headers"), "an unpaged list has none");
        assertTrue(doc.getString("paths.'/api/v1/projects/{slug}/features'.get.responses.'200'.headers.Link.description")
                .contains("rel=\"last\""), "the last page is documented");
        // A page's answer is an object that pages its mockup versions: its headers say they are the versions'.
        String pageLink = doc.getString("paths.'/api/v1/projects/{slug}/pages/{id}'.get.responses.'200'.headers.Link.description");
        assertTrue(pageLink.contains("this object nests (a design page's mockup versions)"), pageLink);
        assertTrue(doc.getString("paths.'/api/v1/projects/{slug}/pages/{id}'.get.responses.'200'.headers.X-Total-Count.description")
                .contains("mockup versions"));
        assertTrue(!doc.getString("paths.'/api/v1/projects/{slug}/features'.get.responses.'200'.headers.Link.description")
                .contains("nests"), "a list's own headers are the list's");
        String storyBody = doc.getString("paths.'/api/v1/projects/{slug}/stories'.post.requestBody.content.'application/json'.schema.$ref");
        assertEquals(List.of("title", "description"),
                doc.getList("components.schemas." + storyBody.substring(storyBody.lastIndexOf('/') + 1) + ".required"));
        for (var required : Map.of("/api/v1/projects/{slug}/invitations", List.of("email", "role"),
                "/api/v1/projects/{slug}/page-order", List.of("ids")).entrySet()) {
            String method = required.getKey().endsWith("page-order") ? "put" : "post";
            String ref = doc.getString("paths.'" + required.getKey() + "'." + method + ".requestBody.content.'application/json'.schema.$ref");
            assertEquals(required.getValue(), doc.getList("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1) + ".required"), ref);
        }
        // A thread says the version its lines were read from (optional); files and folders are read at a branch or commit.
        String threadBody = doc.getString("paths.'/api/v1/projects/{slug}/repos/{name}/threads'.post.requestBody.content.'application/json'.schema.$ref");
        String threadSchema = "components.schemas." + threadBody.substring(threadBody.lastIndexOf('/') + 1);
        assertTrue(doc.getString(threadSchema + ".properties.manifestVersion.description").contains("read from"), threadSchema);
        assertEquals(List.of("path", "lineStart", "lineEnd", "body"), doc.getList(threadSchema + ".required"));
        for (String read : List.of("/api/v1/projects/{slug}/repos/{name}/tree", "/api/v1/projects/{slug}/repos/{name}/files/{path}",
                "/api/v1/projects/{slug}/repos/{name}/raw/{path}")) {
            List<Map<String, Object>> parameters = doc.getList("paths.'" + read + "'.get.parameters");
            assertTrue(parameters.stream().anyMatch(p -> "ref".equals(p.get("name")) && "query".equals(p.get("in"))
                    && String.valueOf(p.get("description")).contains("branch")), read + ": " + parameters);
            assertTrue(doc.getMap("paths.'" + read + "'.get.responses").keySet().containsAll(Set.of("200", "404", "422")), read);
            assertTrue(doc.getMap("paths.'" + read + "'.get.responses.'200'.content")
                    .containsKey(read.contains("/raw/") ? "application/octet-stream" : "application/json"), read);
        }
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/invitations'.post.responses").containsKey("201"));
        assertTrue(doc.getMap("paths.'/api/v1/projects/{slug}/invitations/{id}'.delete.responses").containsKey("204"));
        String json = RestAssured.given().get("/q/openapi?format=json").asString();
        assertTrue(json.contains("\"monolithic\""), "specType is an enum");
        assertTrue(json.contains("\"web-app\""), "the project type is an enum");
        assertTrue(json.contains("\"in_progress\""), "task statuses are an enum");
        assertTrue(json.contains("^[0-9a-fA-F]{40}$"), "the commit SHA has its pattern");
        assertTrue(json.contains("^[a-z0-9][a-z0-9-]{0,99}$"), "the phase name has its pattern");
    }

    @SuppressWarnings("unchecked")
    private static boolean typed(Map<String, Object> content) {
        if (content == null || content.isEmpty()) {
            return false;
        }
        return content.values().stream().allMatch(media -> {
            Object schema = ((Map<String, Object>) media).get("schema");
            return schema instanceof Map<?, ?> s && (s.containsKey("$ref") || s.containsKey("type") || s.containsKey("oneOf"))
                    && !(Map.of("type", "object").equals(s));
        });
    }
}
