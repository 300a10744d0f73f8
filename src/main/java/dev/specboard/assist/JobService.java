package dev.specboard.assist;

import dev.specboard.kernel.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.CurrentUser;
import dev.specboard.architecture.DesignDoc;
import dev.specboard.architecture.DesignDocForm;
import dev.specboard.architecture.DesignDocService;
import dev.specboard.kernel.Role;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.PageNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queues assistant jobs, cancels and retries jobs of both kinds, lists them, and turns an outline into a design doc. */
@ApplicationScoped
public class JobService {

    @Inject
    DocsOutline docs;

    @Inject
    Explanation explanation;

    @Inject
    DesignDocService designDocs;

    @Inject
    Event<JobQueued> queued;

    @Inject
    Event<JobCancelAsked> cancelAsked;

    @Inject
    LiveUpdates live;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    /** A page of the jobs list and how many jobs match in all. */
    public record Page(List<JobRow> rows, long total, int page, int pages) {
    }

    /** The role a job of this type needs: an explanation answers on a review thread, an outline is a member's work. */
    static Role roleFor(AiJobType type) {
        return type == AiJobType.EXPLANATION ? Role.REVIEWER : Role.MEMBER;
    }

    /**
     * Queues a DOCS or EXPLANATION job once its parameters check out (the file, the lines, the
     * thread, the component exist); the worker starts it right after the commit.
     */
    @Transactional
    public AiJob create(Access access, AiJobType type, Map<String, Object> params) {
        access.requireWrite(roleFor(type));
        Map<String, Object> p = params == null ? Map.of() : repositoryAsRepo(params);
        refuseUnknown(type, p);
        UUID projectId = access.project().id;
        Map<String, Object> clean = new LinkedHashMap<>();
        if (type == AiJobType.DOCS) {
            DocsOutline.Scope scope = docs.scope(projectId, str(p.get("repo")), str(p.get("path")), str(p.get("componentId")));
            clean.put("repo", scope.snapshot().repo().name);
            clean.put("path", scope.path());
            if (scope.componentId() != null) {
                clean.put("componentId", scope.componentId().toString());
            }
        } else {
            Explanation.Target t = explanation.target(projectId, str(p.get("repo")), str(p.get("path")), integer(p.get("lineStart"), "lineStart"),
                    integer(p.get("lineEnd"), "lineEnd"), str(p.get("threadId")));
            clean.put("repo", t.snapshot().repo().name);
            clean.put("path", t.file().path());
            clean.put("lineStart", t.start());
            clean.put("lineEnd", t.end());
            if (t.threadId() != null) {
                clean.put("threadId", t.threadId().toString());
            }
        }
        AiJob job = new AiJob();
        job.projectId = projectId;
        job.userId = access.accountId();
        job.actingFor(access.accountId(), access.role(), callerToken());
        job.type = type;
        job.params = clean;
        job.persist();
        queued(JobKind.AI, job.id, projectId);
        return job;
    }

    /**
     * {@code repository} is taken for {@code repo}: the MCP tools and the rest of the API name a repository so, and an
     * agent sending it was refused. {@code repo} stays for the clients that use it; both at once is refused.
     */
    private static Map<String, Object> repositoryAsRepo(Map<String, Object> params) {
        if (!params.containsKey("repository")) {
            return params;
        }
        if (params.containsKey("repo")) {
            throw dev.specboard.web.ValidationException.of("repository", "Give repo or repository, not both: they name the same thing");
        }
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("repo", p.remove("repository"));
        return p;
    }

    /** What each type of job reads from its parameters. */
    private static final Map<AiJobType, List<String>> PARAMS = Map.of(
            AiJobType.DOCS, List.of("repo", "path", "componentId"),
            AiJobType.EXPLANATION, List.of("repo", "path", "lineStart", "lineEnd", "threadId"));

    /**
     * A parameter the job does not read is refused, each named: one misspelt ({@code threadID}, {@code pth}) was dropped,
     * and the job ran on something else than asked (a new thread, the whole repository).
     */
    private static void refuseUnknown(AiJobType type, Map<String, Object> params) {
        List<String> known = PARAMS.get(type);
        // The first few named, the rest counted: 200,000 made-up parameters were each named (a 17 MB answer).
        dev.specboard.web.UnknownNames unknown = new dev.specboard.web.UnknownNames();
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                // Keyed by the parameter's name; the API answer puts "params." before it, as the body has it.
                unknown.add(name, () -> "A " + type.name() + " job has no parameter " + name + "; it takes " + String.join(", ", known));
            }
        }
        if (!unknown.isEmpty()) {
            throw new dev.specboard.web.ApiException(422, unknown.message("Unknown parameters"), unknown.details());
        }
    }

    /**
     * Refuses (422) the parameters a job of this type does not read, before their values are judged: {@code "evil": 1}
     * was 400 "must be a text" while {@code "evil": "x"} was 422, two answers for one mistake. The role the type needs
     * is checked first (403 before any word about the input).
     */
    public static void refuseUnknownParams(Access access, AiJobType type, Map<String, Object> params) {
        access.requireWrite(roleFor(type));
        if (params != null) {
            refuseUnknown(type, repositoryAsRepo(params));
        }
    }

    /** The API token behind the current request, if it came with one (none for a login, or outside a request). */
    UUID callerToken() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() ? currentUser.tokenId().orElse(null) : null;
    }

    void queued(JobKind kind, UUID id, UUID projectId) {
        em.flush();
        queued.fire(new JobQueued(kind, id));
        live.publish(LiveEvent.forProject(JobWorker.LIVE_KIND, projectId));
    }

    /** The assistant job by id within the project, or 404. */
    public AiJob require(Access access, UUID id) {
        AiJob job = id == null ? null : AiJob.findById(id);
        if (job == null || !job.projectId.equals(access.project().id)) {
            throw ApiException.notFound("No such job");
        }
        return job;
    }

    /**
     * Cancels a queued job at once, or asks the worker of a running one to stop: told after the commit (on this instance at
     * once, on another through the job event), it stops even while it waits on a model.
     */
    @Transactional
    public LeasedJob cancel(Access access, JobKind kind, UUID id) {
        LeasedJob job = locked(access, kind, id);
        access.requireWrite(job instanceof AiJob a ? roleFor(a.type) : Role.MEMBER);
        job.requireStarterOrLead(access, username(job.userId), "cancel");
        if (!job.cancel(access.accountId(), this::username)) {
            cancelAsked.fire(new JobCancelAsked(kind, id));
        }
        live.publish(LiveEvent.forProject(JobWorker.LIVE_KIND, job.projectId));
        return job;
    }

    /** Queues a failed or cancelled assistant job again, with fresh attempts. */
    @Transactional
    public AiJob retry(Access access, UUID id) {
        AiJob job = (AiJob) locked(access, JobKind.AI, id);
        access.requireWrite(roleFor(job.type));
        job.requireStarterOrLead(access, username(job.userId), "retry");
        job.retry();
        job.actingFor(access.accountId(), access.role(), callerToken());
        queued(JobKind.AI, job.id, job.projectId);
        return job;
    }

    /** An account's username, or "a former member" once the account is gone. */
    public String username(UUID accountId) {
        return accountId == null ? null : em.createQuery("select a.username from Account a where a.id = ?1", String.class)
                .setParameter(1, accountId).setMaxResults(1).getResultList().stream().findFirst().orElse("a former member");
    }

    LeasedJob locked(Access access, JobKind kind, UUID id) {
        LeasedJob job = lockedOrNull(access, kind, id);
        if (job == null) {
            throw ApiException.notFound(kind == JobKind.REFACTOR ? "No such refactor" : "No such job");
        }
        return job;
    }

    /**
     * The project's job with its row locked, or null. Call it before anything else in the transaction loads the job:
     * a job already loaded gets the lock but keeps the state read before it, which another caller may have changed.
     */
    LeasedJob lockedOrNull(Access access, JobKind kind, UUID id) {
        Class<? extends LeasedJob> type = kind == JobKind.AI ? AiJob.class : RefactorJob.class;
        LeasedJob job = id == null ? null : em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        return job == null || !job.projectId.equals(access.project().id) ? null : job;
    }

    /**
     * Saves a finished DOCS job's outline (under the model's draft, when there is one) as the next
     * version of the design doc of its component, or of the component given.
     */
    @Transactional
    public DesignDoc saveDesignDoc(Access access, UUID jobId, UUID componentId) {
        access.requireWrite(Role.MEMBER);
        AiJob job = require(access, jobId);
        if (job.type != AiJobType.DOCS || job.status != JobStatus.SUCCESS || job.result == null) {
            throw ApiException.conflict("Only a finished documentation outline can become a design doc.");
        }
        DocsOutline.Result r = docs.read(job.result);
        UUID target = componentId != null ? componentId
                : r.owner().map(DocsOutline.ComponentLink::id).orElseThrow(() -> dev.specboard.web.ValidationException.of("componentId",
                "This outline belongs to no component: choose one"));
        String content = (r.draft() == null ? "" : r.draft() + "\n\n---\n\n") + r.markdown();
        return designDocs.save(access, target, new DesignDocForm(content, null));
    }

    /**
     * A page of the project's jobs of both kinds matching the filter, newest first, in two queries whatever their number. A
     * running job asked to cancel counts as CANCELLED for the status filter, as its answer says; its row says it is stopping.
     */
    @SuppressWarnings("unchecked")
    public Page list(UUID projectId, JobFilter filter) {
        String union = "SELECT j.id, 'AI' AS kind, j.type AS type, j.status, j.params::text AS params, j.progress::text AS progress, "
                + "j.error, j.created_at, a.username, j.params->>'repo' AS repo, j.status = 'RUNNING' AND j.cancel_requested AS stopping, "
                + "c.username AS cancelled_by FROM ai_jobs j LEFT JOIN accounts a ON a.id = j.user_id "
                + "LEFT JOIN accounts c ON c.id = j.cancelled_by WHERE j.project_id = ?1 "
                + "UNION ALL SELECT r.id, 'REFACTOR', 'RENAME', r.status, r.params::text, r.progress::text, r.error, r.created_at, a.username, "
                + "g.name, r.status = 'RUNNING' AND r.cancel_requested, c.username FROM refactor_jobs r "
                + "JOIN repositories g ON g.id = r.repository_id LEFT JOIN accounts a ON a.id = r.user_id "
                + "LEFT JOIN accounts c ON c.id = r.cancelled_by WHERE r.project_id = ?1";
        String where = " WHERE (?2 = '' OR CASE WHEN x.stopping THEN 'CANCELLED' ELSE x.status END = ?2) AND (?3 = '' OR x.type = ?3)";
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + union + ") x" + where)
                .setParameter(1, projectId).setParameter(2, filter.statusOrEmpty()).setParameter(3, filter.typeOrEmpty())
                .getSingleResult()).longValue();
        PageNumbers at = PageNumbers.of(filter.pageOrFirst(), total, JobFilter.PAGE_SIZE);
        List<Object[]> rows = em.createNativeQuery("SELECT x.* FROM (" + union + ") x" + where
                        + " ORDER BY x.created_at DESC, x.id LIMIT ?4 OFFSET ?5")
                .setParameter(1, projectId).setParameter(2, filter.statusOrEmpty()).setParameter(3, filter.typeOrEmpty())
                .setParameter(4, JobFilter.PAGE_SIZE).setParameter(5, at.offset()).getResultList();
        List<JobRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            JobKind kind = "AI".equals(r[1]) ? JobKind.AI : JobKind.REFACTOR;
            JobStatus status = JobStatus.valueOf((String) r[3]);
            Map<String, Object> params = map((String) r[4]);
            out.add(new JobRow((UUID) r[0], kind, (String) r[2], status, subject((String) r[2], params), (String) r[8], (String) r[9],
                    SqlValues.instant(r[7]), JobProgress.of(status, Boolean.TRUE.equals(r[10]), map((String) r[5])), (String) r[6], Boolean.TRUE.equals(r[10]),
                    (String) r[11]));
        }
        return new Page(out, total, at.page(), at.pages());
    }

    /** What a job is about, in a few words: the scope of an outline, the lines of an explanation, the rename. */
    static String subject(String type, Map<String, Object> p) {
        String path = p.get("path") == null || String.valueOf(p.get("path")).isEmpty() ? "the whole repository" : String.valueOf(p.get("path"));
        return switch (type) {
            case "DOCS" -> path;
            case "EXPLANATION" -> p.get("path") + " lines " + p.get("lineStart") + "–" + p.get("lineEnd");
            default -> p.get("symbol") + " → " + p.get("newName") + " in " + path;
        };
    }

    private Map<String, Object> map(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }


    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static Integer integer(Object o, String field) {
        if (o == null || (o instanceof String s && s.isBlank())) {
            return null;
        }
        if (o instanceof Number n) {
            // 1.5 was read as line 1, and 4294967297 as line 1 too (int overflow): a line is a whole number, and one past
            // the int range is out of range like any line past the end.
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw dev.specboard.web.ValidationException.of(field, "Enter a whole line number");
            }
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
        }
        try {
            return Integer.valueOf(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            throw dev.specboard.web.ValidationException.of(field, "Enter a line number");
        }
    }
}
