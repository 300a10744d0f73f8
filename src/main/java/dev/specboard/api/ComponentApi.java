package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.architecture.Component;
import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentRow;
import dev.specboard.architecture.ComponentService;
import dev.specboard.architecture.ComponentSet;
import dev.specboard.kernel.DependencyGraph;
import dev.specboard.architecture.DesignDoc;
import dev.specboard.architecture.DesignDocForm;
import dev.specboard.architecture.DesignDocRevisionRow;
import dev.specboard.architecture.DesignDocService;
import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for components: list and write them, their dependency edges (cycles refused) and their design docs. */
@Path("/api/v1/projects/{slug}/components")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComponentApi {

    /** A component; {@code codeDerived}/{@code testsDerived} say the flag came from the synced repository. */
    @RegisterForReflection
    public record ComponentAnswer(UUID id, String name, String type, String filePath, UUID contextId, String contextName, String description,
                                  boolean docsComplete, boolean codeComplete, boolean testsComplete, boolean codeDerived,
                                  boolean testsDerived, boolean dirty, int version, List<UUID> dependsOn) {
    }

    /** A component with its neighbourhood in the graph and its design doc state. */
    public record ComponentGraphAnswer(ComponentAnswer component, List<UUID> dependents, List<UUID> transitiveDependencies,
                                  List<UUID> transitiveDependents, DesignDocAnswer designDoc) {
    }

    @RegisterForReflection
    public record DesignDocAnswer(int version, String content, boolean approved, Integer approvedVersion, boolean contextChanged,
                                  List<RevisionAnswer> revisions) {
    }

    @RegisterForReflection
    public record RevisionAnswer(int version, String content, Instant createdAt, String author) {
    }

    public record ComponentBody(String name, String type, String filePath, UUID contextId, String description, Integer version) {
        ComponentForm form() {
            return new ComponentForm(name, type == null ? "other" : type, filePath, contextId == null ? "" : contextId.toString(), description,
                    version);
        }
    }

    public record CompletionBody(Boolean docsComplete, Boolean codeComplete, Boolean testsComplete) {
    }

    public record DependencyBody(String dependsOn) {
    }

    @RegisterForReflection
    public record DependencyAnswer(UUID componentId, UUID dependsOn) {
    }

    public record DesignDocBody(String content, Integer version) {
    }

    public record VersionAnswer(int version, boolean approved) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ComponentService components;

    @Inject
    DesignDocService designDocs;

    @GET
    public List<ComponentAnswer> list(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return components.all(access.project()).rows().stream().map(ComponentApi::answer).toList();
    }

    @RoleFirst.Member
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComponentAnswer.class)))
    public Response create(@PathParam("slug") String slug, ComponentBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Component c = components.create(access, body(body).form());
        return Response.status(201).entity(answer(access, c.id)).build();
    }

    @GET
    @Path("/{id}")
    public ComponentGraphAnswer get(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        UUID cid = uuid(id);
        components.get(access.project().id, cid);
        ComponentSet set = components.all(access.project());
        DependencyGraph<UUID> g = set.graph();
        ComponentRow row = set.byId().get(cid);
        DesignDocAnswer doc = designDocs.find(cid).map(d -> doc(d, row.dirty())).orElse(null);
        return new ComponentGraphAnswer(answer(row), List.copyOf(g.directDependents(cid)), List.copyOf(g.dependencies(cid)),
                List.copyOf(g.dependents(cid)), doc);
    }

    @RoleFirst.Member
    @PUT
    @Path("/{id}")
    public ComponentAnswer update(@PathParam("slug") String slug, @PathParam("id") String id, ComponentBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        components.update(access, uuid(id), body(body).form());
        return answer(access, uuid(id));
    }

    @RoleFirst.Member
    @PUT
    @Path("/{id}/completion")
    public ComponentAnswer completion(@PathParam("slug") String slug, @PathParam("id") String id, CompletionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        CompletionBody b = body(body);
        Component c = components.setCompletion(access, uuid(id), b.docsComplete(), b.codeComplete(), b.testsComplete());
        return answer(access, c.id);
    }

    @RoleFirst.Member
    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        components.delete(access, uuid(id));
        return Response.noContent().build();
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/dependencies")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DependencyAnswer.class)))
    public Response addDependency(@PathParam("slug") String slug, @PathParam("id") String id, DependencyBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        var d = components.addDependency(access, uuid(id), body(body).dependsOn());
        return Response.status(201).entity(new DependencyAnswer(d.componentId, d.dependsOnId)).build();
    }

    @RoleFirst.Member
    @DELETE
    @Path("/{id}/dependencies/{dependsOn}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response removeDependency(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("dependsOn") String dependsOn) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        components.removeDependency(access, uuid(id), uuid(dependsOn));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/design-doc")
    public DesignDocAnswer designDoc(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        Component c = components.get(access.project().id, uuid(id));
        DesignDoc d = designDocs.find(c.id).orElseThrow(() -> ApiException.notFound("The component " + c.name + " has no design doc yet"));
        return doc(d, c.dirty);
    }

    @RoleFirst.Member
    @PUT
    @Path("/{id}/design-doc")
    public VersionAnswer saveDesignDoc(@PathParam("slug") String slug, @PathParam("id") String id, DesignDocBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.component(access, uuid(id));
        DesignDocBody b = body(body);
        if (b.content() == null) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("content", "Give the design doc's markdown"));
        }
        DesignDoc d = designDocs.save(access, uuid(id), new DesignDocForm(b.content(), b.version()));
        return new VersionAnswer(d.version, d.approved);
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/design-doc/approve")
    public VersionAnswer approveDesignDoc(@PathParam("slug") String slug, @PathParam("id") String id, ApproveBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        DesignDoc d = designDocs.approve(access, uuid(id), body == null ? null : body.version());
        return new VersionAnswer(d.version, d.approved);
    }

    private DesignDocAnswer doc(DesignDoc d, boolean dirty) {
        List<RevisionAnswer> revisions = designDocs.revisions(d.id).stream().map(ComponentApi::revision).toList();
        return new DesignDocAnswer(d.version, d.content, d.approved, d.approvedVersion, dirty, revisions);
    }

    private static RevisionAnswer revision(DesignDocRevisionRow r) {
        return new RevisionAnswer(r.version(), r.content(), r.createdAt(), r.author());
    }

    private ComponentAnswer answer(Access access, UUID id) {
        ComponentRow row = components.all(access.project()).byId().get(id);
        if (row == null) {
            throw ApiException.notFound("No such component in this project");
        }
        return answer(row);
    }

    static ComponentAnswer answer(ComponentRow r) {
        return new ComponentAnswer(r.id(), r.name(), r.type(), r.filePath(), r.contextId(), r.contextName(), r.description(), r.docs().done(),
                r.code().done(), r.tests().done(), r.code().derived(), r.tests().derived(), r.dirty(), r.version(), r.dependsOn());
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return body;
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such component in this project");
    }

}
