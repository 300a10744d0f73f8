package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Context items: the list with each item's analysis, the add form (one multipart form for every type) and file downloads. */
@Path("/projects/{slug}/context")
@Produces(MediaType.TEXT_HTML)
public class ContextItemResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance context(ContextPage page);

        static native TemplateInstance contextAnalysis(String slug, ContextItemRow i);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ContextItemService items;

    @Inject
    ContextSources sources;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.context(page(access, page, ContextItemInput.empty(), FormErrors.none())));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(@PathParam("slug") String slug, @RestForm String itemType, @RestForm String text, @RestForm String url,
                        @RestForm List<String> categories, @RestForm String tags, @RestForm String submittedContext,
                        @RestForm("file") FileUpload file, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ContextItemInput input = ContextItemInput.of(itemType, text, url, categories, tags, submittedContext, file, sources.maxUploadBytes());
        try {
            dev.specboard.web.FormFields.requireOnce(ContextItemInput.SINGLE_PARTS);
            ContextItem item = items.add(access, input);
            return Flash.redirect(headers, "/projects/" + slug + "/context#item-" + item.id, "Context item added.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.context(page(access, null, input, e.errors())));
        } catch (ApiException e) {
            if (e.status() != 413) {
                throw e;
            }
            return Htmx.page(Templates.context(page(access, null, input, FormErrors.none().add("file", e.getMessage()))), 413);
        }
    }

    /**
     * A POST that is not multipart (a urlencoded form, say). Without this method JAX-RS found no method taking its type and
     * answered 415 before any filter ran, so the project policy ({@code ProjectFirst}) never did: a non-member got 415
     * where every other route answers 404. Here the policy runs first, and a member who may add items gets the 415.
     */
    @RoleFirst.Member
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response addNotMultipart(@PathParam("slug") String slug) {
        projectAccess.write(slug, Role.MEMBER);
        throw new NotSupportedException("Add a context item with a multipart/form-data form");
    }

    /**
     * An item's analysis, asked for again and again by its card while the analysis is pending (the item was kept while
     * every analysis turn was taken); once recorded it no longer asks.
     */
    @GET
    @Path("/{id}/analysis")
    public Response analysis(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.contextAnalysis(access.slug(), items.row(access.project().id, uuid(id))));
    }

    /** An item's delete form lives on its card in the list: a GET of its address opens the list (another project's item is 404). */
    @GET
    @Path("/{id}/delete")
    public Response deleteForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        items.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/context", slug);
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        items.delete(access, uuid(id));
        return Flash.redirect(headers, "/projects/" + access.slug() + "/context", "Context item deleted.");
    }

    /** An uploaded file, always as a download with a safe type: never rendered inline, whatever it contains. */
    @GET
    @Path("/{id}/file")
    public Response file(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        ContextItem item = items.get(access.project().id, Ids.parseOrNull(id));
        return download(item, sources.file(item));
    }

    static Response download(ContextItem item, byte[] bytes) {
        ContextMetadata m = item.metadata();
        String type = m.contentType() != null && m.contentType().startsWith("image/") ? m.contentType() : "application/octet-stream";
        return Response.ok(bytes, type)
                .header("Content-Disposition", attachment(m.fileName() == null ? "context-item" : m.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    /**
     * The attachment header for a file name in any letters (RFC 6266): a header carries bytes, so a name such as
     * {@code 日本語.txt} went out as {@code ???.txt}; browsers take the UTF-8 name from {@code filename*} and older
     * clients the ASCII one beside it.
     */
    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private ContextPage page(Access access, Integer page, ContextItemInput form, FormErrors errors) {
        ContextPage.Items shown = items.page(access.project().id, page);
        return new ContextPage(access, shown.rows(), shown.at(), form, errors, ContextItemService.megabytes(sources.maxUploadBytes()));
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such context item in this project");
    }
}
