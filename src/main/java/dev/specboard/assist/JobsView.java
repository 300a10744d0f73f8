package dev.specboard.assist;

import dev.specboard.architecture.ComponentRef;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * The jobs page: a filtered page of the project's jobs (none when a filter is refused, {@code filterErrors} saying why), and
 * the form that asks for a documentation outline.
 */
public record JobsView(Access access, JobService.Page page, JobFilter filter, List<String> repos, List<ComponentRef> components,
                       DocsForm form, FormErrors errors, FormErrors filterErrors) {

    public List<String> statuses() {
        return java.util.Arrays.stream(JobStatus.values()).map(Enum::name).toList();
    }

    public List<String> types() {
        return JobFilter.TYPES;
    }

    public boolean filtered() {
        return !filter.statusOrEmpty().isEmpty() || !filter.typeOrEmpty().isEmpty();
    }

    public String base() {
        return "/projects/" + access.slug() + "/jobs";
    }

    public boolean hasPrevious() {
        return page.page() > 1;
    }

    public boolean hasNext() {
        return page.page() < page.pages();
    }

    public String previous() {
        return base() + filter.query(page.page() - 1);
    }

    public String next() {
        return base() + filter.query(page.page() + 1);
    }

    /** Live refresh while some job on this page still waits or runs. */
    public boolean live() {
        return page.rows().stream().anyMatch(r -> r.status().isActive());
    }
}
