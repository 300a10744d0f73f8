package dev.specboard.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names each problem of a refused form's error summary ({@code tags/errorSummary.html}) by its field's own label and links
 * it to that field's id. The summary comes before the fields, so it can only name a field by its name in words
 * ("Actual hours", "Content") and link to {@code #f-<name>}; the label the person saw ("Hours worked", "Your message")
 * and the field's id ({@code chat-content}) are known once the form is rendered. errors.js did this in the browser only.
 */
public final class ErrorSummaryLabels {

    /** A summary link as the tag writes it: its target, its field and the label in words. */
    private static final Pattern LINK = Pattern.compile(
            "<a href=\"#([^\"]*)\" data-field=\"([^\"]*)\"><span class=\"error-field\" data-error-label>([^<]*)</span>");

    private static final String MARK = "data-error-summary";

    private ErrorSummaryLabels() {
    }

    /** The page with its error summaries' links naming and pointing at their fields; a page without one as it is. */
    public static String named(String html) {
        if (html == null || !html.contains(MARK)) {
            return html;
        }
        Document page = html.regionMatches(true, 0, "<!doctype", 0, 9) || html.contains("<html") ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        List<Element> links = page.select("[" + MARK + "] a[data-field]");
        Matcher m = LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        int i = 0;
        while (m.find()) {
            if (i >= links.size()) {
                return html; // the parse saw the page otherwise: leave the names in words rather than name the wrong field
            }
            Element field = fieldOf(links.get(i++), page);
            String id = field == null || field.id().isEmpty() ? m.group(1) : escape(field.id());
            String label = field == null ? null : labelOf(field, page);
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"#" + id + "\" data-field=\"" + m.group(2)
                    + "\"><span class=\"error-field\" data-error-label>" + (label == null ? m.group(3) : escape(label)) + "</span>"));
        }
        m.appendTail(out);
        return i == links.size() ? out.toString() : html;
    }

    /** The field a link names, found as errors.js finds it: by name in the link's form, else by the id it links to or its usual one. */
    private static Element fieldOf(Element link, Document page) {
        String name = link.attr("data-field");
        Element group = page.getElementById("f-" + name);
        if (group != null && group.nameIs("fieldset")) {
            return group; // a group of checkboxes is named by its legend, not by its first box's label
        }
        Element form = link.closest("form");
        if (form != null) {
            for (Element named : form.getElementsByAttributeValue("name", name)) {
                if (!"hidden".equalsIgnoreCase(named.attr("type"))) {
                    return named;
                }
            }
        }
        Element own = rowField(link, name, page);
        if (own != null) {
            return own;
        }
        Element byId = page.getElementById("f-" + name);
        return byId != null ? byId : page.getElementById("e-" + name);
    }

    /**
     * The field of a row form a summary at the top of the page names by its own id ({@code name-<row>}): a page of rows
     * has one such form per row, none with the usual id, and the message id {@code e-<name>} would lead past it.
     */
    private static Element rowField(Element link, String name, Document page) {
        String href = link.attr("href");
        return href.length() > 1 && !href.equals("#f-" + name) ? page.getElementById(href.substring(1)) : null;
    }

    /** The text of the field's label without its hint, error or required mark; null when it has none. */
    private static String labelOf(Element field, Document page) {
        Element label = field.nameIs("fieldset") ? field.selectFirst("> legend") : null;
        if (label == null && !field.id().isEmpty()) {
            label = page.getElementsByAttributeValue("for", field.id()).stream().filter(e -> e.nameIs("label")).findFirst().orElse(null);
        }
        if (label == null) {
            label = field.closest("label");
        }
        if (label == null) {
            return null;
        }
        Element copy = label.clone();
        copy.select(".hint, .error, small, input, select, textarea").remove();
        String text = copy.text().replaceAll("\\s+", " ").replaceAll("[\\s:*]+$", "").strip();
        return text.isEmpty() ? null : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
