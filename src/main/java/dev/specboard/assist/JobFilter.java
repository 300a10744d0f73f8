package dev.specboard.assist;

import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * The jobs list's filters and page, from the query string; an unknown status or type is refused ({@link #choices}: 422 on
 * the page, 400 on the API), and until then reads as no filter.
 */
public record JobFilter(@QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("page") Integer page) {

    public static final int PAGE_SIZE = 25;
    public static final List<String> TYPES = List.of("DOCS", "EXPLANATION", "RENAME");

    public String statusOrEmpty() {
        return JobStatus.parse(status).map(Enum::name).orElse("");
    }

    public String typeOrEmpty() {
        String t = type == null ? "" : type.trim().toUpperCase(java.util.Locale.ROOT);
        return TYPES.contains(t) ? t : "";
    }

    /** The filters' problems: a status or type that names none of the known ones. */
    public dev.specboard.web.FilterChoices choices() {
        dev.specboard.web.FilterChoices choices = new dev.specboard.web.FilterChoices();
        choices.oneOf("status", "job status", status, java.util.Arrays.stream(JobStatus.values()).map(Enum::name).toList());
        choices.oneOf("type", "job type", type, TYPES);
        return choices;
    }

    public int pageOrFirst() {
        return page == null || page < 1 ? 1 : Math.min(page, 10_000);
    }

    /** The query string of this filter on another page. */
    public String query(int onPage) {
        StringBuilder q = new StringBuilder("?page=").append(onPage);
        if (!statusOrEmpty().isEmpty()) {
            q.append("&status=").append(statusOrEmpty());
        }
        if (!typeOrEmpty().isEmpty()) {
            q.append("&type=").append(typeOrEmpty());
        }
        return q.toString();
    }
}
