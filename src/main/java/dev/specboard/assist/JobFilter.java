package dev.specboard.assist;

import jakarta.ws.rs.QueryParam;

import java.util.List;

/** The jobs list's filters and page, from the query string; unknown values do not filter. */
public record JobFilter(@QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("page") Integer page) {

    static final int PAGE_SIZE = 25;
    public static final List<String> TYPES = List.of("DOCS", "EXPLANATION", "RENAME");

    public String statusOrEmpty() {
        return JobStatus.parse(status).map(Enum::name).orElse("");
    }

    public String typeOrEmpty() {
        String t = type == null ? "" : type.trim().toUpperCase(java.util.Locale.ROOT);
        return TYPES.contains(t) ? t : "";
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
