package dev.specboard.plan;

import dev.specboard.repo.Repo;
import dev.specboard.web.FilterChoices;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The plan list's filters, carried in the URL so a filtered list can be shared and paged: a repository by name and the
 * status of a plan's latest version (blank: any). {@code repositoryId} is the named repository's (null: any), so the
 * list's query needs no second look-up of it.
 */
public record PlanFilter(String repo, UUID repositoryId, String status) {

    /**
     * The filters of the list page's URL; a repository the project lacks ({@code repos}: its repositories) or an unknown
     * status is recorded in {@code choices} (422 naming it) and reads as no filter, never as "any" listing every plan.
     */
    public static PlanFilter read(String repo, String status, List<Repo> repos, FilterChoices choices) {
        String named = repo == null ? "" : repo.strip();
        Optional<Repo> chosen = repos.stream().filter(r -> r.name.equals(named)).findFirst();
        if (!named.isEmpty() && chosen.isEmpty()) {
            List<String> names = repos.stream().map(r -> r.name).toList();
            choices.refuse("repo", "repository", named, names.isEmpty() ? "Any: this project has no repository yet" : FilterChoices.choices(names));
        }
        return new PlanFilter(chosen.map(r -> r.name).orElse(""), chosen.map(r -> r.id).orElse(null),
                choices.oneOf("status", "plan status", status, STATUSES));
    }

    public boolean isEmpty() {
        return repo.isEmpty() && status.isEmpty();
    }

    /** The status asked for (one {@link #read} accepted), or empty for any. */
    public Optional<PlanStatus> planStatus() {
        return PlanStatus.parse(status);
    }

    /** The list's URL with this filter, up to the page number (the page links append it), so that paging keeps the filter. */
    public String pagesHref(String slug) {
        StringBuilder sb = new StringBuilder();
        add(sb, "repo", repo);
        add(sb, "status", status);
        return "/projects/" + slug + "/plans?" + sb + (sb.isEmpty() ? "" : "&") + "page=";
    }

    /** Every status, as the URL names it, for the filter's choices. */
    public static final List<String> STATUSES = java.util.Arrays.stream(PlanStatus.values()).map(PlanStatus::value).toList();

    public List<String> statuses() {
        return STATUSES;
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (!value.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
