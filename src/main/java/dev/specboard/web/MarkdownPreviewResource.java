package dev.specboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Preview tab of every markdown field: the text rendered by the same sanitising renderer that shows it
 * once saved, so what the writer sees is what readers will see. Logged-in people only (the app's policy).
 */
@Path("/markdown/preview")
public class MarkdownPreviewResource {

    /** Long enough for a design doc; a preview of more than this is refused rather than rendered. */
    static final int MAX_CHARS = 200_000;

    @Inject
    Markdown markdown;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@FormParam("text") String text, @FormParam("lines") boolean lines) {
        if (text == null || text.isBlank()) {
            return Response.ok("<p class=\"empty\">Nothing to preview.</p>").build();
        }
        if (text.length() > MAX_CHARS) {
            return Response.status(422).entity("<p class=\"error\">Too long to preview (at most " + MAX_CHARS + " characters).</p>").build();
        }
        return Response.ok(lines ? markdown.renderLines(text) : markdown.render(text)).build();
    }
}
