package dev.specboard.assist;

import dev.specboard.architecture.ComponentRef;
import dev.specboard.project.Access;
import dev.specboard.repo.Repo;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import dev.specboard.project.Membership;
import java.util.Arrays;

/** Builds what the job pages show: the list with its filter and the DOCS form, and one job with its rendered result. */
@ApplicationScoped
public class JobViews {

    @Inject
    JobService jobs;

    @Inject
    DocsOutline docs;

    @Inject
    Explanation explanation;

    @Inject
    EntityManager em;

    @Inject
    Markdown markdown;

    /** The project's jobs as filtered, with the repositories and components a DOCS job can be asked for. */
    public JobsView list(Access access, JobFilter filter, DocsForm form, FormErrors errors) {
        List<String> repos = Repo.listByProject(access.project().id).stream().map(r -> r.name).toList();
        List<ComponentRef> components = em.createQuery("select new dev.specboard.architecture.ComponentRef(c.id, c.name) "
                        + "from Component c where c.projectId = ?1 order by lower(c.name)", ComponentRef.class)
                .setParameter(1, access.project().id).getResultList();
        FilterChoices choices = filter.choices();
        JobService.Page page = choices.refused() ? new JobService.Page(List.of(), 0, 1, 1) : jobs.list(access.project().id, filter);
        return new JobsView(access, page, filter, repos, components, form, errors, choices.errors());
    }

    /** One job: who asked, and its outline or explanation rendered. */
    public JobView job(Access access, AiJob job) {
        String requester = em.createQuery("select a.username from Account a where a.id = ?1", String.class)
                .setParameter(1, job.userId).setMaxResults(1).getResultList().stream().findFirst().orElse("a former member");
        DocsOutline.Result d = job.type == AiJobType.DOCS && job.result != null ? docs.read(job.result) : null;
        Explanation.Result x = job.type == AiJobType.EXPLANATION && job.result != null ? explanation.read(job.result) : null;
        List<String> html = Membership.mentionLinksOfMembersOnly(access.project(), Arrays.asList(
                d != null && d.draft() != null ? markdown.render(d.draft()) : null,
                x != null && x.markdown() != null ? markdown.render(x.markdown()) : null));
        return new JobView(access, job, requester, jobs.username(job.cancelledBy), d, x, html.get(0), html.get(1));
    }
}
