package dev.specboard.story;

import dev.specboard.kernel.Ids;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The story list's filters, all carried in the URL so a filtered view can be shared. */
public record StoryFilter(String status, String approval, String dirty, String context, String q, int page) {

    public static final List<String> STATUSES = List.of("draft", "review", "changes", "ready", "implemented");
    public static final int PAGE_SIZE = 50;

    public static StoryFilter of(String status, String approval, String dirty, String context, String q, Integer page) {
        return new StoryFilter(
                status != null && STATUSES.contains(status) ? status : "",
                "approved".equals(approval) || "unapproved".equals(approval) ? approval : "",
                "true".equals(dirty) || "false".equals(dirty) ? dirty : "",
                "none".equals(context) || uuid(context) != null ? context : "",
                q == null ? "" : q.trim(),
                page == null || page < 1 ? 1 : page);
    }

    /**
     * The filters of the list page's URL; a status, approval, "since approval" or context that names no known value is
     * recorded in {@code choices} (422 naming it) and reads as no filter.
     */
    public static StoryFilter read(String status, String approval, String dirty, String context, String q, Integer page,
                                   dev.specboard.web.FilterChoices choices) {
        String inStatus = choices.oneOf("status", "story status", status, STATUSES);
        String inApproval = choices.oneOf("approval", "approval", approval, List.of("approved", "unapproved"));
        String inDirty = choices.oneOf("dirty", "\u201csince approval\u201d choice", dirty, List.of("true", "false"));
        String inContext = context == null ? "" : context.strip();
        if ("none".equalsIgnoreCase(inContext)) {
            inContext = "none";
        } else if (!inContext.isEmpty() && uuid(inContext) == null) {
            // Contexts are named by id: a value that is none is refused; an id of no context of the project lists nothing.
            choices.refuse("context", "context", inContext, "one of the list, or no context");
            inContext = "";
        }
        return of(inStatus, inApproval, inDirty, inContext, q, page);
    }

    public static StoryFilter all() {
        return of(null, null, null, null, null, 1);
    }

    public UUID contextId() {
        return uuid(context);
    }

    static UUID uuid(String s) {
        return Ids.parseOrNull(s);
    }

    public boolean isEmpty() {
        return status.isEmpty() && approval.isEmpty() && dirty.isEmpty() && context.isEmpty() && q.isEmpty();
    }

    /** The list's URL with these filters, up to the page number (the page links append it). */
    public String pagesHref(String slug) {
        String filters = query();
        return "/projects/" + slug + "/stories?" + filters + (filters.isEmpty() ? "" : "&") + "page=";
    }

    private String query() {
        StringBuilder sb = new StringBuilder();
        add(sb, "status", status);
        add(sb, "approval", approval);
        add(sb, "dirty", dirty);
        add(sb, "context", context);
        add(sb, "q", q);
        return sb.toString();
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
