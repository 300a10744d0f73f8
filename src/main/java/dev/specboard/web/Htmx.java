package dev.specboard.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The one htmx toolkit of STYLE.md: page or fragment (the only place that sets
 * {@code Vary: HX-Request}), a fragment with out-of-band fragments, and the moves to another page.
 * Resources compose their answers with it and never join rendered templates themselves.
 */
public final class Htmx {

    private static final Logger LOG = Logger.getLogger(Htmx.class);

    /** Where a streamed page stops when rendering it failed half-way (its status, 200, went out with its start). */
    static final String CUT_SHORT = "<p class=\"error-box\" role=\"alert\" id=\"page-cut-short\">The rest of this page could not be"
            + " shown: the server failed while sending it. Reload the page to try again.</p>";

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance flash(String message);
    }

    private Htmx() {
    }

    /**
     * A request wants a fragment when htmx sent it, except for boosted navigation and history
     * restores, which need the whole page.
     */
    public static boolean isFragment(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"))
                && !"true".equals(headers.getHeaderString("HX-History-Restore-Request"))
                && !"true".equals(headers.getHeaderString("HX-Boosted"));
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"));
    }

    /** A navigable URL: the whole page, or only {@code fragment} when htmx asks for it (see {@link #isFragment}). */
    public static Response pageOrFragment(HttpHeaders headers, Supplier<?> page, Supplier<?> fragment) {
        return page(isFragment(headers) ? fragment.get() : page.get(), 200);
    }

    /** A page (or fragment) of a URL that can answer both ways must say so to caches. */
    public static Response page(Object entity, int status) {
        if ((status == 422 || status == 409) && (entity instanceof TemplateInstance || entity instanceof String)) {
            // A refused form (or a stale save, which keeps its form): its error summary names each problem by the label its
            // field carries on the page and links to it.
            entity = ErrorSummaryLabels.named(entity instanceof TemplateInstance t ? t.render() : (String) entity);
        }
        return Response.status(status).entity(entity).type(MediaType.TEXT_HTML_TYPE).header("Vary", "HX-Request").build();
    }

    public static Response page(Object entity) {
        return page(entity, 200);
    }

    /**
     * A page too large to hold whole (a 10,000-line file page is 2 MB): rendered straight into the response as it
     * goes, UTF-8 encoded in small buffers, instead of into a string, its bytes and their copy (about 8 MB for every
     * such page in flight). It goes out chunked, so a failure while rendering cannot answer 500 any more: the page
     * then ends with {@link #CUT_SHORT} (and the failure is logged), and only pages whose data is all loaded before
     * they render use it.
     */
    public static Response largePage(TemplateInstance page) {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                page.consume(text -> {
                    try {
                        writer.write(text);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toCompletableFuture().join();
            } catch (CompletionException e) {
                Optional<Throwable> gone = Causes.first(e, IOException.class::isInstance);
                if (gone.isPresent()) {
                    throw (IOException) gone.get(); // the browser went away: there is no one to tell
                }
                LOG.error("A page failed while it was being sent; it ends with a notice", e.getCause());
                writer.write(CUT_SHORT);
            }
            writer.flush();
        };
        return Response.ok(body).type(HTML_UTF8).header("Vary", "HX-Request").build();
    }

    /**
     * A page with large pieces kept rendered ({@link ReadyHtml}, a file page's code rows): only the rest of the page
     * is rendered, encoded and compressed per request; the pieces' kept bytes (deflated once, for a browser that
     * takes gzip) are joined in as they are. A template that does not write each piece exactly once in the
     * page's flow renders the ordinary way.
     */
    public static Response readyPage(TemplateInstance page, List<ReadyHtml> pieces, RoutingContext request) {
        List<Object> parts = ReadyPage.render(page, pieces);
        if (parts == null) {
            return page(page);
        }
        // Over HTTP/2 the server compresses whatever names gzip as its encoding, so it gets the plain bytes to compress.
        if (request.request().version() == HttpVersion.HTTP_2
                || !ReadyPage.acceptsGzip(request.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return Response.ok(ReadyPage.plain(parts)).type(HTML_UTF8).header("Vary", "HX-Request, Accept-Encoding").build();
        }
        byte[] gzipped = ReadyPage.gzip(parts);
        // Set on the answer itself: Quarkus marks each answer "identity" first and drops that mark for the types it
        // compresses, which would drop a second value too and compress the gzip again. An answer that names its
        // encoding is left as it is.
        request.response().headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
        return Response.ok(gzipped).type(HTML_UTF8).header("Vary", "HX-Request, Accept-Encoding").build();
    }

    private static final MediaType HTML_UTF8 = MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());

    /** A form that failed validation: 422 with the re-rendered form (htmx swaps 422: the htmx-config of layout/main.html). */
    public static Response invalid(Object entity) {
        return page(entity, 422);
    }

    /**
     * An htmx answer: the fragment for the request's target followed by out-of-band fragments (each
     * carries its own {@code hx-swap-oob}), like Renarde's {@code concatTemplates}.
     */
    public static Response fragments(int status, TemplateInstance main, TemplateInstance... outOfBand) {
        StringBuilder body = new StringBuilder(main.render());
        for (TemplateInstance t : outOfBand) {
            body.append('\n').append(t.render());
        }
        return page(body.toString(), status);
    }

    /** The updated fragment of an htmx action plus a flash message swapped out of band into {@code #flash}. */
    public static Response withFlash(TemplateInstance main, String message, TemplateInstance... outOfBand) {
        TemplateInstance[] all = new TemplateInstance[outOfBand.length + 1];
        all[0] = Templates.flash(message);
        System.arraycopy(outOfBand, 0, all, 1, outOfBand.length);
        return fragments(200, main, all);
    }

    /** The fragment as it is now plus a flash message, with another status: an action refused (409) says why beside what it met. */
    public static Response withFlash(int status, TemplateInstance main, String message) {
        return fragments(status, main, Templates.flash(message));
    }

    /**
     * After a successful POST that leads to another page: htmx follows {@code HX-Location} (an ajax
     * navigation that keeps the page, pushing the URL), a plain form follows the 303.
     */
    public static Response location(HttpHeaders headers, String location) {
        if (isHtmx(headers)) {
            // The target page must come whole: the boosted header tells isFragment so.
            return Response.ok().header("HX-Location", "{\"path\":\"" + jsonEscape(location)
                    + "\",\"target\":\"body\",\"headers\":{\"HX-Boosted\":\"true\"}}").build();
        }
        return Response.seeOther(URI.create(location)).build();
    }

    /** After a successful POST that must reload everything (the layout changes): HX-Redirect or 303. */
    public static Response redirect(HttpHeaders headers, String location) {
        if (isHtmx(headers)) {
            return Response.ok().header("HX-Redirect", location).build();
        }
        return Response.seeOther(URI.create(location)).build();
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
