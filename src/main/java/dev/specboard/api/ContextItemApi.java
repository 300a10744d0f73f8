package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.ContextAnalysis;
import dev.specboard.design.ContextItem;
import dev.specboard.design.ContextItemInput;
import dev.specboard.design.ContextItemRow;
import dev.specboard.design.ContextItemService;
import dev.specboard.design.ContextPage;
import dev.specboard.design.Page;
import dev.specboard.design.PageService;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.specboard.api.DesignApi.commas;
import static dev.specboard.api.DesignApi.uuid;

/** API v1 for a project's context items: the text, links, files and screenshots the design side draws on, and where they were used. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// Two methods take POST .../context-items (JSON and multipart): the 415 reads both @Consumes (web.ContentTypeAfterPolicy).
@RegisterForReflection(methods = true)
public class ContextItemApi {

    /** A context item: text or a URL, or a file or screenshot as base64 with its name. */
    public record ContextBody(String itemType, String text, String url, List<String> categories, List<String> tags, String submittedContext,
                              String fileName, String contentBase64) {
    }

    /**
     * A context item; {@code analysisStatus} is {@code pending} while a file kept when every analysis turn was taken waits
     * for its analysis ({@code aiAnalysis} then says so), {@code done} otherwise: the list shows it done a moment later.
     */
    @RegisterForReflection
    public record ContextItemAnswer(UUID id, String itemType, String contentUrl, String contentText, List<String> categories, List<String> tags,
                                    ContextAnalysis aiAnalysis, int timesReferenced, Instant lastReferencedAt, Instant submittedAt,
                                    String submittedContext, String submittedBy, String analysisStatus) {
    }

    public record ReferenceBody(UUID pageId) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    ContextItemService contextItems;

    /** The project's context items, newest first, 50 a page; past the last page an empty list. */
    @GET
    @Path("/context-items")
    public List<ContextItemAnswer> listContextItems(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        ContextPage.Items found = contextItems.apiPage(access.project().id, page);
        paging.counted(page, found.at().total(), found.at().size());
        return found.rows().stream().map(ContextItemApi::item).toList();
    }

    /**
     * Adds an item as JSON: text, a URL, or a file or screenshot whose bytes come base64-encoded in
     * {@code contentBase64} (for clients that cannot send multipart; the contract's way for files is the multipart call below).
     */
    @RoleFirst.Member
    @POST
    @Path("/context-items")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextItemAnswer.class)))
    public Response addContextItem(@PathParam("slug") String slug, ContextBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ContextBody b = ComponentApi.body(body);
        BodyLists.check().list("categories", b.categories()).list("tags", b.tags()).refuse();
        byte[] content = null;
        if (b.contentBase64() != null && !b.contentBase64().isBlank()) {
            try {
                content = java.util.Base64.getMimeDecoder().decode(b.contentBase64());
            } catch (IllegalArgumentException e) {
                throw new ApiException(422, "Validation failed", Map.of("contentBase64", "Not valid base64"));
            }
        }
        ContextItem item = contextItems.add(access, new ContextItemInput(ContextItemInput.typeOrDefault(b.itemType(), content != null), b.text(), b.url(),
                b.categories(), commas(b.tags()), b.submittedContext(), b.fileName(), content,
                content == null ? 0 : content.length));
        return Response.status(201).entity(item(access, item.id)).build();
    }

    private static final java.util.Set<String> UPLOAD_PARTS = java.util.Set.of("itemType", "text", "url", "categories", "tags", "submittedContext", "file");

    /** Adds a file or screenshot (or text, or a URL) as multipart/form-data, the upload's bytes in the part named {@code file}. */
    @RoleFirst.Member
    @POST
    @Path("/context-items")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextItemAnswer.class)))
    public Response uploadContextItem(@PathParam("slug") String slug, @RestForm String itemType, @RestForm String text, @RestForm String url,
                                      @RestForm List<String> categories, @RestForm List<String> tags, @RestForm String submittedContext,
                                      @RestForm("file") FileUpload file) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        dev.specboard.web.FormFields.requireOnly(UPLOAD_PARTS);
        dev.specboard.web.FormFields.requireUtf8();
        dev.specboard.web.FormFields.requireOnce(ContextItemInput.SINGLE_PARTS);
        ContextItem item = contextItems.add(access, ContextItemInput.of(itemType, text, url, categories,
                commas(tags), submittedContext, file, contextItems.maxUploadBytes()));
        return Response.status(201).entity(item(access, item.id)).build();
    }

    /** Deletes a context item with its uploaded file. */
    @RoleFirst.Member
    @DELETE
    @Path("/context-items/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response deleteContextItem(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contextItems.delete(access, uuid(id));
        return Response.noContent().build();
    }

    @RoleFirst.Member
    @POST
    @Path("/context-items/{id}/references")
    public ContextItemAnswer reference(@PathParam("slug") String slug, @PathParam("id") String id, ReferenceBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.contextItem(access, uuid(id));
        ReferenceBody b = ComponentApi.body(body);
        if (b.pageId() == null) {
            throw ValidationException.of("pageId", "Give the id of the page that used the item");
        }
        Page p = pages.get(access.project().id, b.pageId());
        ContextItem item = contextItems.reference(access, uuid(id), "page", p.id, p.name);
        return item(access, item.id);
    }

    private ContextItemAnswer item(Access access, UUID id) {
        return contextItems.rows(access.project().id).stream().filter(r -> r.id().equals(id)).findFirst().map(ContextItemApi::item)
                .orElseThrow(() -> ApiException.notFound("No such context item"));
    }

    static ContextItemAnswer item(ContextItemRow r) {
        return new ContextItemAnswer(r.id(), r.itemType(), r.contentUrl(), r.contentText(), r.categories(), r.tags(), r.analysis(), r.timesReferenced(),
                r.lastReferencedAt(), r.submittedAt(), r.submittedContext(), r.submittedBy(), r.analysing() ? "pending" : "done");
    }
}
