package dev.specboard.api;

import dev.specboard.project.Project;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.TaskStatus;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.story.StoryFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes the generated OpenAPI document of API v1 in one place, so that client generators can
 * trust it: the bearer (and, for tokens, Basic) security of every operation, the error answers each
 * operation gives with the one {@code {error, details}} schema, and the enums and patterns the API checks.
 */
public class ApiDocs implements OASFilter {

    static final String ERROR = "ApiError";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    static final String SIGNUP = "POST /api/v1/accounts";
    static final String TOKENS = "POST /api/v1/tokens";

    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    /**
     * The fields each request body must carry (the API answers 422 naming any that is missing). An edit's
     * {@code version} is not listed: creating and editing share one body schema, and creating needs no version (a feature's
     * create body is its own, {@link #CREATE_BODIES}).
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("POST /api/v1/accounts", List.of("email", "username", "name", "password")),
            Map.entry("POST /api/v1/tokens", List.of("name")),
            Map.entry("POST /api/v1/admin/accounts/{username}/role", List.of("admin")),
            Map.entry("POST /api/v1/admin/accounts/{username}/access", List.of("disabled")),
            Map.entry("PUT /api/v1/account/notification-settings", List.of("email")),
            Map.entry("POST /api/v1/projects", List.of("name", "slug", "type")),
            Map.entry("POST /api/v1/projects/{slug}/members", List.of("username", "role")),
            Map.entry("POST /api/v1/projects/{slug}/invitations", List.of("email", "role")),
            Map.entry("POST /api/v1/projects/{slug}/stories", List.of("title", "description")),
            Map.entry("POST /api/v1/projects/{slug}/contexts", List.of("name", "type", "purpose")),
            Map.entry("POST /api/v1/projects/{slug}/contexts/{id}/stories", List.of("storyNumber")),
            Map.entry("POST /api/v1/projects/{slug}/components", List.of("name", "filePath")),
            Map.entry("POST /api/v1/projects/{slug}/components/{id}/dependencies", List.of("dependsOn")),
            Map.entry("PUT /api/v1/projects/{slug}/components/{id}/design-doc", List.of("content")),
            Map.entry("POST /api/v1/projects/{slug}/work-sessions", List.of("sessionType", "targetType", "targetId")),
            Map.entry("POST /api/v1/projects/{slug}/work-sessions/{id}/fail", List.of("reason")),
            Map.entry("POST /api/v1/projects/{slug}/specs", List.of("title", "specType")),
            Map.entry("POST /api/v1/projects/{slug}/specs/{key}/dependencies", List.of("dependsOn")),
            Map.entry("POST /api/v1/projects/{slug}/tasks/{key}/complete", List.of("commitSha")),
            Map.entry("POST /api/v1/projects/{slug}/tasks/{key}/fail", List.of("reason")),
            Map.entry("POST /api/v1/projects/{slug}/repos", List.of("name", "url")),
            Map.entry("POST /api/v1/projects/{slug}/repos/{name}/threads", List.of("path", "lineStart", "lineEnd", "body")),
            Map.entry("POST /api/v1/projects/{slug}/threads/{id}/comments", List.of("body")),
            Map.entry("POST /api/v1/projects/{slug}/repos/{name}/plans", List.of("name", "targetBranch")),
            Map.entry("POST /api/v1/projects/{slug}/plans/{id}/artifacts", List.of("artifactType", "content")),
            Map.entry("POST /api/v1/projects/{slug}/plans/{id}/chat", List.of("content")),
            Map.entry("POST /api/v1/projects/{slug}/jobs", List.of("type")),
            Map.entry("POST /api/v1/projects/{slug}/pages", List.of("name", "path")),
            Map.entry("POST /api/v1/projects/{slug}/pages/{id}/move", List.of("direction")),
            Map.entry("PUT /api/v1/projects/{slug}/journeys/{id}/nodes/{key}/position", List.of("x", "y")),
            Map.entry("PUT /api/v1/projects/{slug}/page-order", List.of("ids")),
            Map.entry("POST /api/v1/projects/{slug}/pages/{id}/mockups", List.of("html")),
            Map.entry("POST /api/v1/projects/{slug}/features", List.of("name", "userDescription")));

    /**
     * Bodies a POST shares with a PUT that keeps each field the change leaves out: the POST gets a copy under this name, so
     * that what creating requires is not read as required for every change too.
     */
    private static final Map<String, String> CREATE_BODIES = Map.of("POST /api/v1/projects/{slug}/features", "NewFeatureBody");

    static {
        ERRORS.put("400", "Malformed request: a body or parameter that cannot be read");
        ERRORS.put("401", "No, unknown or revoked API token");
        ERRORS.put("403", "Your role (or your token's limit) does not allow this");
        ERRORS.put("404", "Unknown, or in a project you are not a member of");
        ERRORS.put("409", "Conflict: an archived project, a stale version, an illegal transition, a name taken");
        ERRORS.put("422", "Validation failed: details name each field");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = Optional.ofNullable(openAPI.getComponents()).orElseGet(OASFactory::createComponents);
        openAPI.setComponents(components);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token (sbt_...) from POST /api/v1/tokens"));
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Username and password; only to create a token"));
        components.addSchema(ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every refusal of API v1")
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("what went wrong, for people"))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true)
                        .description("per field (or JSON pointer) what is wrong; empty when nothing more to say"))
                .addRequired("error").addRequired("details"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
        constrain(openAPI, components);
    }

    /** Security and error answers of one operation, from what every API v1 operation does. */
    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        String name = method + " " + path;
        boolean projectScoped = path.contains("{slug}");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (name.equals(SIGNUP)) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(name.equals(TOKENS) ? BASIC : BEARER)));
        }
        APIResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(OASFactory::createAPIResponses);
        operation.setResponses(responses);
        error(responses, "400");
        if (!name.equals(SIGNUP)) {
            error(responses, "401");
        }
        if (projectScoped || path.startsWith("/api/v1/projects") || path.startsWith("/api/v1/tokens")) {
            error(responses, "403");
        }
        if (projectScoped || path.contains("{")) {
            error(responses, "404");
        }
        if (write) {
            error(responses, "409");
        }
        // A read at a ref (a branch or commit) refuses one that is neither with 422 naming it.
        boolean readsRef = operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "ref".equals(p.getName()));
        if (operation.getRequestBody() != null || write || readsRef) {
            error(responses, "422");
        }
        boolean paged = operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "page".equals(p.getName()));
        if (!write && paged && responses.getAPIResponse("200") != null) {
            pagingHeaders(responses.getAPIResponse("200"), path.endsWith("/search"));
        }
    }

    /**
     * The headers of a paged list's answer ({@link PagingLinks}): its body stays the bare array. An object answer that
     * pages a list it nests (a design page with its mockup versions) sends them for that list, and says so; a ranked list
     * (search) also says when it ranked only part of its matches.
     */
    private static void pagingHeaders(org.eclipse.microprofile.openapi.models.responses.APIResponse ok, boolean ranked) {
        boolean list = Optional.ofNullable(ok.getContent()).map(c -> c.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON))
                .map(MediaType::getSchema).map(schema -> schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY))
                .orElse(true);
        String of = list ? "" : " of the array this object nests (a design page's mockup versions)";
        ok.addHeader("Link", OASFactory.createHeader().schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .description("RFC 8288 links to the other pages" + of + ", the request's URL with only page changed: rel=\"next\" "
                        + "while a further page exists, rel=\"prev\" and rel=\"first\" past the first page, rel=\"last\" before the "
                        + "last page; absent on a list of one page"));
        ok.addHeader(PagingLinks.TOTAL_HEADER, OASFactory.createHeader().schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .description("how many rows the whole list" + of + " has under the request's filters, also when it answered every "
                        + "row (no page asked); a search counts its ranking, at most 20,000"));
        if (ranked) {
            ok.addHeader(PagingLinks.PARTIAL_HEADER, OASFactory.createHeader().schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                    .description("true when so many matched that a kind ranked only the first 2,000 it found: the list is the best "
                            + "of those, not of all its matches, so add words to narrow the search; absent otherwise"));
        }
    }

    private static void error(APIResponses responses, String code) {
        var declared = responses.getAPIResponse(code);
        if (declared != null && declared.getContent() == null) {
            // The generator's own "400 Bad Request" for a body it could not read: it carries our error JSON too.
            declared.description(ERRORS.get(code)).content(json(ref(ERROR)));
        }
        if (declared != null) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(ERRORS.get(code)).content(json(ref(ERROR))));
    }

    /** The values and shapes the API checks, so that generated clients check them too. */
    private static void constrain(OpenAPI openAPI, Components components) {
        Map<String, Schema> schemas = Optional.ofNullable(components.getSchemas()).orElse(Map.of());
        List<Object> taskStatuses = Arrays.stream(TaskStatus.values()).map(s -> (Object) s.value()).toList();
        schemas.forEach((schemaName, schema) -> {
            Map<String, Schema> properties = Optional.ofNullable(schema.getProperties()).orElse(Map.of());
            property(properties, "specType").ifPresent(p -> p.enumeration(List.of("monolithic", "hierarchical")));
            property(properties, "commitSha").ifPresent(p -> p.pattern("^[0-9a-fA-F]{40}$"));
        });
        CREATE_BODIES.forEach((operation, name) -> bodyOf(openAPI, operation).filter(media -> resolve(openAPI, media.getSchema()) != null).ifPresent(media -> {
            Schema shared = resolve(openAPI, media.getSchema());
            Schema copy = OASFactory.createSchema();
            copy.setAll(shared.getAll());
            copy.setRequired(shared.getRequired() == null ? null : new java.util.ArrayList<>(shared.getRequired()));
            components.addSchema(name, copy);
            media.setSchema(ref(name));
        }));
        REQUIRED.forEach((operation, fields) -> bodyOf(openAPI, operation).map(MediaType::getSchema).map(schema -> resolve(openAPI, schema))
                .ifPresent(schema -> fields.stream().filter(f -> schema.getRequired() == null || !schema.getRequired().contains(f))
                        .forEach(schema::addRequired)));
        body(openAPI, "/api/v1/projects").flatMap(s -> property(s.getProperties(), "type"))
                .ifPresent(p -> p.enumeration(List.copyOf(Project.TYPES)));
        body(openAPI, "/api/v1/projects/{slug}/specs").flatMap(s -> property(s.getProperties(), "phases"))
                .map(Schema::getItems).map(items -> resolve(openAPI, items)).flatMap(s -> property(s.getProperties(), "name"))
                .ifPresent(p -> p.pattern("^[a-z0-9][a-z0-9-]{0,99}$"));
        query(openAPI, "/api/v1/projects/{slug}/tasks", "status", taskStatuses);
        query(openAPI, "/api/v1/projects/{slug}/stories", "status", List.copyOf(StoryFilter.STATUSES));
        query(openAPI, "/api/v1/projects/{slug}/specs", "status", List.copyOf(TechnicalSpec.STATUSES));
        schemas.forEach((schemaName, schema) -> {
            Map<String, Schema> properties = Optional.ofNullable(schema.getProperties()).orElse(Map.of());
            if (properties.containsKey("claimedBy") && properties.containsKey("scope")) {
                property(properties, "status").ifPresent(p -> p.enumeration(taskStatuses));
            }
            if (properties.containsKey("manifestVersion") && properties.containsKey("objectsProcessed")) {
                property(properties, "status").ifPresent(p -> p.enumeration(Arrays.stream(SyncStatus.values()).map(s -> (Object) s.name()).toList()));
            }
        });
    }

    private static Optional<Schema> property(Map<String, Schema> properties, String name) {
        return Optional.ofNullable(properties).map(p -> p.get(name));
    }

    /** The JSON body of an operation named {@code "POST /path"}. */
    private static Optional<MediaType> bodyOf(OpenAPI openAPI, String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return Optional.ofNullable(openAPI.getPaths().getPathItem(methodAndPath[1]))
                .map(item -> item.getOperations().get(PathItem.HttpMethod.valueOf(methodAndPath[0])))
                .map(Operation::getRequestBody).map(b -> b.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON));
    }

    /** The schema of the JSON body a POST to this path takes. */
    private static Optional<Schema> body(OpenAPI openAPI, String path) {
        return Optional.ofNullable(openAPI.getPaths().getPathItem(path)).map(PathItem::getPOST).map(Operation::getRequestBody)
                .map(b -> b.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)).map(MediaType::getSchema)
                .map(s -> resolve(openAPI, s));
    }

    private static Schema resolve(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getRef() == null) {
            return schema;
        }
        String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
        return openAPI.getComponents().getSchemas().get(name);
    }

    private static void query(OpenAPI openAPI, String path, String name, List<Object> values) {
        Optional.ofNullable(openAPI.getPaths().getPathItem(path)).map(PathItem::getGET).map(Operation::getParameters).orElse(List.of())
                .stream().filter(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()) && p.getSchema() != null)
                .forEach(p -> p.getSchema().enumeration(values));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, OASFactory.createMediaType().schema(schema));
    }
}
