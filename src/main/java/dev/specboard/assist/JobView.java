package dev.specboard.assist;

import dev.specboard.project.Access;
import dev.specboard.web.PathExtensions;

import java.util.UUID;

/** A job page (or its live panel): the job, its progress, and its result read back as an outline or an explanation. */
public record JobView(Access access, AiJob job, String requester, String cancelledBy, DocsOutline.Result docs, Explanation.Result explanation,
                      String draftHtml, String answerHtml) {

    public JobProgress progress() {
        return job.progressView();
    }

    public String url() {
        return "/projects/" + access.slug() + "/jobs/" + job.id;
    }

    public String subject() {
        return JobService.subject(job.type.name(), job.params);
    }

    /** A line of a file of the job's repository. */
    public String blob(String repo, String path, int line) {
        return "/projects/" + access.slug() + "/repos/" + repo + "/blob/" + PathExtensions.pathEncoded(path) + "#L" + line;
    }

    public String lines(String repo, String path, int start, int end) {
        return "/projects/" + access.slug() + "/repos/" + repo + "/blob/" + PathExtensions.pathEncoded(path) + "#L" + start + (end > start ? "-L" + end : "");
    }

    public String componentUrl(UUID id) {
        return "/projects/" + access.slug() + "/components/" + id;
    }

    public boolean active() {
        return job.status.isActive();
    }

    public boolean retryable() {
        return job.status == JobStatus.FAILED || job.status == JobStatus.CANCELLED;
    }

    /** Where the explanation was posted: the thread's lines on the file page. */
    public String answerUrl() {
        return explanation == null || explanation.threadId() == null ? null
                : lines(explanation.repo(), explanation.path(), explanation.lineStart(), explanation.lineEnd());
    }

    /** Cancel and Retry are offered to its starter or a lead, as the service allows (with the role the job's type needs). */
    public boolean canChange() {
        return access.may(JobService.roleFor(job.type)) && job.mayChange(access);
    }
}
