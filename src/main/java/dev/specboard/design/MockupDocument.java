package dev.specboard.design;

import jakarta.ws.rs.core.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A mockup as a document of its own, and the only way it is ever served: {@code text/html} under a
 * sandbox Content-Security-Policy, so that it runs as a unique opaque origin (no cookies, no same-origin
 * API calls, no network, no forms, no top navigation) and only our own pages may frame it.
 */
public final class MockupDocument {

    /**
     * The sandbox: scripts run (a mockup may demo interactions) but only inline, in an opaque origin, with
     * no request to anywhere ({@code default-src 'none'}), no form submission and no navigation of the top window.
     */
    public static final String CSP = "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    /**
     * The sandbox of a thumbnail: no scripts at all, so that a mockup's endless loop cannot freeze the page tree or a
     * journey's picture, which show many at once. The frame's own {@code sandbox=""} forbids them too.
     */
    public static final String THUMBNAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    /** The query that asks for a mockup's document as a thumbnail (see {@link #THUMBNAIL_CSP}). */
    public static final String THUMBNAIL = "?thumbnail=true";

    private MockupDocument() {
    }

    /** The full HTML document: the mockup's HTML (a fragment or a document), its CSS in the head, its JS at the end of the body. */
    public static String render(String html, String css, String js) {
        return "<!DOCTYPE html>\n" + document(html, css, js).outerHtml();
    }

    private static Document document(String html, String css, String js) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        doc.outputSettings().prettyPrint(false);
        Element head = doc.head();
        if (head.selectFirst("meta[charset]") == null) {
            head.prependElement("meta").attr("charset", "utf-8");
        }
        if (head.selectFirst("meta[name=viewport]") == null) {
            head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        }
        if (css != null && !css.isBlank()) {
            head.appendElement("style").appendChild(new DataNode(css));
        }
        if (js != null && !js.isBlank()) {
            doc.body().appendElement("script").appendChild(new DataNode(js));
        }
        return doc;
    }

    public static String render(Mockup m) {
        return render(m.htmlContent, m.cssContent, m.javascriptContent);
    }

    /**
     * Whether a request may have the document: only as a frame of our pages. A browser names what it fetches for in
     * {@code Sec-Fetch-Dest}; opened on its own ({@code document}, or in an {@code object}), the sandbox still lets the
     * mockup's scripts run and navigate, so a member's mockup would be a page at our address that its author wrote (a
     * fake "session expired" form). Requests without the header (older browsers, API clients) are let through: our
     * pages frame the document, and other sites cannot ({@code frame-ancestors 'self'}).
     */
    public static boolean framed(String secFetchDest) {
        return secFetchDest == null || secFetchDest.equals("iframe") || secFetchDest.equals("frame");
    }

    /**
     * The document with the sandbox headers; nothing else may serve mockup HTML. Not stored by the browser, as no page
     * is (web.SecurityHeaders): a project's mockup would stay on the disk of a shared computer after logging out, and a
     * preview's page past the preview's revocation or expiry.
     */
    public static Response response(String document) {
        return response(document, CSP);
    }

    /** The document as a thumbnail: its scripts and event handlers left out, and scripts forbidden. */
    public static Response thumbnail(Mockup m) {
        Document doc = document(m.htmlContent, m.cssContent, null);
        // The policy stops them already; a thumbnail without them also costs the browser nothing to parse.
        doc.select("script").remove();
        for (Element e : doc.getAllElements()) {
            e.attributes().asList().stream().filter(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"))
                    .map(org.jsoup.nodes.Attribute::getKey).toList().forEach(e::removeAttr);
        }
        return response("<!DOCTYPE html>\n" + doc.outerHtml(), THUMBNAIL_CSP);
    }

    private static Response response(String document, String csp) {
        return Response.ok(document, "text/html; charset=utf-8")
                .header("Content-Security-Policy", csp)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }
}
