package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.EntityDdl;
import dev.specboard.design.EntityModel;
import dev.specboard.design.EntityService;
import dev.specboard.design.InferredEntity;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for the data entities inferred from the mockups, their confirmation and the DDL they make. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntityApi {

    @RegisterForReflection
    public record FieldAnswer(String type, boolean required, List<String> inferredFrom, Double confidence, Integer maxLength, String label,
                              List<String> options, Map<String, Object> validation) {
    }

    @RegisterForReflection
    public record RelationshipAnswer(String type, String targetEntity, String foreignKey, String inverse) {
    }

    @RegisterForReflection
    public record EntityAnswer(UUID id, String entityName, String pluralName, Map<String, FieldAnswer> fields, List<RelationshipAnswer> relationships,
                               EntityModel.CrudLocations crudLocations, double confidenceScore, boolean userConfirmed,
                               int version) {
    }

    @RegisterForReflection
    public record DdlAnswer(String ddl) {
    }

    /** A new name for an entity. */
    @RegisterForReflection
    public record EntityNameBody(String entityName, Integer version) {
    }

    /** What changes in a field; an absent part stays as it is. */
    @RegisterForReflection
    public record FieldBody(String name, String type, Boolean required, Integer version) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EntityService entities;

    @GET
    @Path("/entities")
    public List<EntityAnswer> listEntities(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        return paging.of(entities.list(access.project().id), page).stream().map(EntityApi::entity).toList();
    }

    /** Reads the current mockups again now and answers the entities. */
    @RoleFirst.Member
    @POST
    @Path("/entities/infer")
    public List<EntityAnswer> inferEntities(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return entities.infer(access).stream().map(EntityApi::entity).toList();
    }

    @RoleFirst.Member
    @POST
    @Path("/entities/{id}/confirm")
    public EntityAnswer confirmEntity(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return entity(entities.confirm(access, DesignApi.uuid(id)));
    }

    /** Renames an entity; it then counts as confirmed. */
    @RoleFirst.Member
    @PUT
    @Path("/entities/{id}")
    public EntityAnswer renameEntity(@PathParam("slug") String slug, @PathParam("id") String id, EntityNameBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID entityId = DesignApi.uuid(id);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return entity(ValidationException.renaming("name", "entityName", () -> entities.rename(access, entityId, body.entityName(), body.version())));
    }

    /** Removes an entity: its inference is rejected, so later inferences do not bring it back. */
    @RoleFirst.Member
    @DELETE
    @Path("/entities/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response removeEntity(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        entities.remove(access, DesignApi.uuid(id));
        return Response.noContent().build();
    }

    /** Renames a field, changes its type or whether it is required, in one step; the entity then counts as confirmed. */
    @RoleFirst.Member
    @PUT
    @Path("/entities/{id}/fields/{field}")
    public EntityAnswer updateField(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("field") String field,
                                    FieldBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID entityId = DesignApi.uuid(id);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return entity(entities.updateField(access, entityId, field, new EntityService.FieldChange(body.name(), body.type(), body.required()),
                body.version()));
    }

    /** Removes a field: its inference is rejected, so later inferences do not bring it back. */
    @RoleFirst.Member
    @DELETE
    @Path("/entities/{id}/fields/{field}")
    public EntityAnswer removeField(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("field") String field) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return entity(entities.removeField(access, DesignApi.uuid(id), field));
    }

    @GET
    @Path("/entities/ddl")
    public DdlAnswer ddl(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return new DdlAnswer(EntityDdl.ddl(entities.list(access.project().id)));
    }

    private static EntityAnswer entity(InferredEntity e) {
        Map<String, FieldAnswer> fields = new LinkedHashMap<>();
        e.fieldMap().forEach((k, f) -> fields.put(k, new FieldAnswer(f.type(), f.mandatory(), f.inferredFrom(), f.confidence(), f.maxLength(), f.label(),
                f.options(), f.validation())));
        return new EntityAnswer(e.id, e.entityName, e.pluralName, fields,
                e.relationshipList().stream().map(r -> new RelationshipAnswer(r.type(), r.targetEntity(), r.foreignKey(), r.inverse())).toList(),
                e.crud(), e.confidenceScore, e.userConfirmed, e.version);
    }
}
