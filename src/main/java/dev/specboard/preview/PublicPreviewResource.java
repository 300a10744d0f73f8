package dev.specboard.preview;

import dev.specboard.design.MockupDocument;
import dev.specboard.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * What anyone with a preview link sees, without logging in: a normal page listing the bundle's pages
 * and framing the chosen one, which is served from the bundle under the same sandbox as mockups.
 * Unknown, revoked and expired links answer 404, as does a page number the preview does not have; a page deleted since the
 * preview was made, 410.
 */
@Path("/preview/{token}")
public class PublicPreviewResource {

    /** The preview page: the bundle's pages and the one shown. */
    public record PreviewView(String token, PreviewManifest manifest, PreviewManifest.Entry shown, java.time.Instant expiresAt) {
        public String frameSrc() {
            return "/preview/" + token + "/pages/" + shown.index();
        }
    }

    @CheckedTemplate(basePath = "preview")
    static class Templates {
        static native TemplateInstance show(PreviewView view);
    }

    @Inject
    PreviewService previews;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token, @QueryParam("page") Integer page) {
        PreviewSession s = previews.open(token);
        PreviewManifest m = previews.manifest(s);
        PreviewManifest.Entry shown = m.pages().get(0);
        if (page != null) {
            previews.requireNotDeleted(s, page);
            // A page the preview does not have is not its first page: showing that one answered a wrong link as if it were right.
            shown = m.pages().stream().filter(e -> e.index() == page).findFirst().orElseThrow(() -> ApiException.notFound(
                    "This preview has no page " + page + "; open the link without ?page=" + page + " to see its first page."));
        }
        return Response.ok(Templates.show(new PreviewView(token, m, shown, s.expiresAt))).header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/pages/{index}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token, @PathParam("index") int index, @HeaderParam("Sec-Fetch-Dest") String dest) {
        PreviewSession s = previews.open(token);
        String page = previews.page(s, index);
        if (!MockupDocument.framed(dest)) {
            // Opened on its own: the preview's page frames it (see MockupDocument.framed).
            return Response.seeOther(URI.create("/preview/" + token + "?page=" + index)).header("Referrer-Policy", "no-referrer").build();
        }
        return MockupDocument.response(page);
    }
}
