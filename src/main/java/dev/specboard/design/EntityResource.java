package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.FormAddress;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inferred entity model: the picture, each entity with its fields and confidences, the DDL; confirm, rename and remove. */
@Path("/projects/{slug}/entities")
@Produces(MediaType.TEXT_HTML)
public class EntityResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance entities(EntityListView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EntityService entities;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.entities(entities.page(access, page, null, FormErrors.none())));
    }

    /** The model as SQL, for a developer to start from. */
    @GET
    @Path("/ddl")
    @Produces("application/sql")
    public Response ddl(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return Response.ok(EntityDdl.ddl(entities.list(access.project().id)), "application/sql; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-entities.sql\"").build();
    }

    /**
     * The model's forms (infer, and each entity's and field's) live on the list: a GET of their address, a reload of a
     * refused rename say, opens it. Another project's entity is 404 under this slug, not a redirect to a page.
     */
    @GET
    @Path("/infer")
    public Response inferForm(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/entities", slug);
    }

    @GET
    @Path("/{id}/{form: confirm|remove|rename}")
    public Response entityForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        entities.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/entities", slug);
    }

    @GET
    @Path("/{id}/fields/{field}/{form: edit|remove|rename}")
    public Response fieldForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        entities.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/entities", slug);
    }

    /** Reads the current mockups again now (it also happens by itself after every mockup change). */
    @RoleFirst.Member
    @POST
    @Path("/infer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response infer(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        List<InferredEntity> all = entities.infer(access);
        return Flash.redirect(headers, base(access), all.size() + (all.size() == 1 ? " entity" : " entities") + " inferred from the mockups.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        InferredEntity e = entities.confirm(access, uuid(id));
        return Flash.redirect(headers, at(access, e.id), e.entityName + " confirmed: later inferences leave it as it is.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("name") String name,
                           @FormParam("version") Integer version, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID eid = uuid(id);
        try {
            InferredEntity e = entities.rename(access, eid, name, version);
            return Flash.redirect(headers, at(access, e.id), "Renamed to " + e.entityName + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, null, name),
                    FormErrors.none().add("name", e.errors().get("name")))));
        } catch (StaleVersionException e) {
            return stale(access, new EntityListView.Failure(eid, null, name, null, null, ConflictView.of(e, Map.of("entityName", "Name"))));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, null, name),
                    FormErrors.none().add("name", e.getMessage()))), 409);
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        InferredEntity e = entities.get(access.project().id, uuid(id));
        String name = e.entityName;
        entities.remove(access, e.id);
        return Flash.redirect(headers, base(access), name + " removed; thoughts built on it are flagged for review.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/fields/{field}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeField(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("field") String field,
                                @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID eid = uuid(id);
        InferredEntity e;
        try {
            e = entities.removeField(access, eid, field);
        } catch (ApiException x) {
            return fieldGone(access, eid, field, x);
        }
        return Flash.redirect(headers, at(access, e.id), "Field " + field + " removed from " + e.entityName + ".");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/fields/{field}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renameField(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("field") String field,
                                @FormParam("to") String to, @FormParam("version") Integer version, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID eid = uuid(id);
        try {
            InferredEntity e = entities.renameField(access, eid, field, to, version);
            return Flash.redirect(headers, at(access, e.id), "Field " + field + " renamed to " + to.strip() + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, field, to),
                    FormErrors.none().add("to", e.errors().get("to")))));
        } catch (StaleVersionException e) {
            return stale(access, new EntityListView.Failure(eid, field, to, null, null, ConflictView.of(e, FIELD_LABELS)));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, field, to),
                    FormErrors.none().add("to", e.getMessage()))), 409);
        }
    }

    /** Gives a field another type or makes it (not) required; the entity then counts as confirmed. */
    @RoleFirst.Member
    @POST
    @Path("/{id}/fields/{field}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editField(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("field") String field,
                              @FormParam("type") String type, @FormParam("required") String required,
                              @FormParam("version") Integer version, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID eid = uuid(id);
        try {
            InferredEntity e = entities.updateField(access, eid, field,
                    new EntityService.FieldChange(null, type == null ? "" : type, required != null && !required.isBlank()), version);
            return Flash.redirect(headers, at(access, e.id), "Field " + field + " saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, field, null), e.errors())));
        } catch (StaleVersionException e) {
            return stale(access, new EntityListView.Failure(eid, field, null, type, required != null && !required.isBlank(),
                    ConflictView.of(e, FIELD_LABELS)));
        }
    }

    /**
     * A field's Remove sent from a page opened before another tab renamed or removed the field: the entities page as it is
     * now, saying so at the entity (409), instead of a bare "not found" page; any other refusal (an unknown entity) as it
     * is. A rename or edit names the version it started from, so the same case is their stale save (409 with both versions).
     */
    private Response fieldGone(Access access, UUID eid, String field, ApiException refused) {
        InferredEntity now = refused.status() == 404 ? InferredEntity.inProject(access.project().id, eid).orElse(null) : null;
        if (now == null || now.fieldMap().containsKey(field)) {
            throw refused;
        }
        String message = "The field " + field + " of " + now.entityName + " was renamed or removed meanwhile; the page now shows "
                + now.entityName + " as it is: reload it before changing its fields again.";
        return Htmx.page(Templates.entities(entities.page(access, null, new EntityListView.Failure(eid, null, null),
                FormErrors.none().add("field", message))), 409);
    }

    /** What a field's stale edit shows of the field, saved meanwhile and sent, in this order. */
    private static final Map<String, String> FIELD_LABELS = StaleVersionException.texts("name", "Field name", "type", "Type",
            "required", "Required");

    /**
     * A stale save, as every document's: the entity as it is now, the version saved meanwhile beside what was sent, and
     * the form keeping it, now based on that version, so that saving again applies it knowingly.
     */
    private Response stale(Access access, EntityListView.Failure failure) {
        return Htmx.page(Templates.entities(entities.page(access, null, failure, FormErrors.none())), 409);
    }

    /** Where the page shows the entity: its page of the list (the first needs no number), at its card. */
    private String at(Access access, UUID id) {
        int page = EntityListView.pageOf(entities.list(access.project().id), id);
        return base(access) + (page > 1 ? "?page=" + page : "") + "#entity-" + id;
    }

    static String base(Access access) {
        return "/projects/" + access.slug() + "/entities";
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such entity in this project");
    }
}
