package dev.specboard.plan;

import dev.specboard.web.ValidationException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The plan list's filters, carried in the URL so a filtered list can be shared and paged: a repository by name and the
 * status of a plan's latest version (blank: any).
 */
public record PlanFilter(String repo, String status) {

    public static PlanFilter of(String repo, String status) {
        return new PlanFilter(repo == null ? "" : repo.strip(), status == null ? "" : status.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static PlanFilter none() {
        return new PlanFilter("", "");
    }

    public boolean isEmpty() {
        return repo.isEmpty() && status.isEmpty();
    }

    /**
     * The status asked for, or empty for any; an unknown one is refused (422 naming it), never read as "any": a typo would
     * list every plan as if it were the answer.
     */
    public Optional<PlanStatus> planStatus() {
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PlanStatus.parse(status).orElseThrow(() -> ValidationException.of("status",
                "There is no plan status \u201c" + status + "\u201d: choose draft, active, completed or archived")));
    }

    /** The list's URL with this filter, up to the page number (the page links append it), so that paging keeps the filter. */
    public String pagesHref(String slug) {
        StringBuilder sb = new StringBuilder();
        add(sb, "repo", repo);
        add(sb, "status", status);
        return "/projects/" + slug + "/plans?" + sb + (sb.isEmpty() ? "" : "&") + "page=";
    }

    /** Every status, for the filter's choices. */
    public List<PlanStatus> statuses() {
        return List.of(PlanStatus.values());
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (!value.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
