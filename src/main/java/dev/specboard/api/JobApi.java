package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.assist.AiJob;
import dev.specboard.assist.AiJobType;
import dev.specboard.assist.JobFilter;
import dev.specboard.assist.JobStatus;
import dev.specboard.assist.JobKind;
import dev.specboard.assist.JobProgress;
import dev.specboard.assist.JobService;
import dev.specboard.assist.LeasedJob;
import dev.specboard.assist.RefactorJob;
import dev.specboard.assist.RefactorService;
import dev.specboard.assist.RenameForm;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * API v1 for assistant jobs (DOCS outlines, EXPLANATIONs answered on review threads) and refactors
 * (a rename proposed as per-file diffs, applied as a commit on a new branch).
 */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobApi {

    public record NewJob(String type,
                         @Schema(description = "DOCS: repo, path, componentId; EXPLANATION: repo, path, lineStart, lineEnd, threadId. "
                                 + "repository is taken for repo (the MCP tools' name for it); not both.") Map<String, Object> params) {
    }

    public record NewRefactor(String symbol, String newName, String path, Boolean includeStringsAndComments) {
    }

    @RegisterForReflection
    public record JobStarted(UUID id, String status) {
    }

    @RegisterForReflection
    public record ProgressAnswer(int step, int steps, String label, List<String> labels, String detail, int percent) {
    }

    /**
     * {@code status} is CANCELLED as soon as a cancel is taken; {@code cancelRequested} says a running job's worker is still
     * stopping (then {@code finishedAt} is empty); {@code cancelledBy} the username of who cancelled.
     */
    @RegisterForReflection
    public record JobAnswer(UUID id, String type, String status, ProgressAnswer progress, Map<String, Object> params,
                            Map<String, Object> result, String error, int attempts, Instant createdAt, Instant startedAt,
                            Instant finishedAt, boolean cancelRequested, String cancelledBy) {
    }

    /** As {@link JobAnswer}: {@code status} CANCELLED once a cancel is taken, {@code cancelRequested} while its worker stops. */
    @RegisterForReflection
    public record JobListItem(UUID id, String kind, String type, String status, String subject, String requester, String repo,
                              Instant createdAt, String error, boolean cancelRequested, String cancelledBy) {
    }

    @RegisterForReflection
    public record RefactorAnswer(UUID id, String status, ProgressAnswer progress, Map<String, Object> params,
                                 Map<String, Object> proposal, Map<String, Object> appliedChanges, String error, Instant createdAt,
                                 Instant finishedAt, boolean cancelRequested, String cancelledBy) {
    }

    @RegisterForReflection
    public record AppliedAnswer(String branch, String commitSha, List<String> files, boolean pushed) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    JobService jobs;

    @Inject
    RefactorService refactors;

    @POST
    @Path("/jobs")
    @APIResponse(responseCode = "202", description = "Accepted: the work runs in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobStarted.class)))
    public Response create(@PathParam("slug") String slug, NewJob body) {
        try {
            return queue(slug, body);
        } catch (ValidationException e) {
            throw e.renamed(paramPaths(e.details()));
        } catch (ApiException e) {
            if (e.status() != 400 && e.status() != 422) {
                throw e;
            }
            Map<String, String> paths = paramPaths(e.details());
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            e.details().forEach((name, value) -> details.put(paths.getOrDefault(name, name), value));
            throw new ApiException(e.status(), e.getMessage(), details);
        }
    }

    /**
     * Each refused parameter by its path in the body ({@code params.lineEnd}), as the message names it and as any other
     * body's nested field is keyed; {@code type} and a count of names left unnamed ("and 3 more") stay as they are.
     */
    private static Map<String, String> paramPaths(Map<String, Object> details) {
        Map<String, String> paths = new java.util.HashMap<>();
        details.keySet().stream().filter(name -> !"type".equals(name) && !name.contains(" "))
                .forEach(name -> paths.put(name, "params." + name));
        return paths;
    }

    /** Queues the job; a refusal names each parameter by its own name ({@code lineEnd}), as the MCP tools' arguments are called. */
    Response queue(String slug, NewJob body) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        NewJob b = body == null ? new NewJob(null, null) : body;
        AiJobType type = AiJobType.parse(b.type()).orElseThrow(() -> ValidationException.of("type", "DOCS or EXPLANATION"));
        JobService.refuseUnknownParams(access, type, b.params());
        refuseMistyped(b.params());
        AiJob job = jobs.create(access, type, b.params());
        return Response.status(202).entity(new JobStarted(job.id, job.status.name())).build();
    }

    /** The parameters that are line numbers; every other one is a text (a name, a path or an id). */
    private static final List<String> WHOLE_NUMBERS = List.of("lineStart", "lineEnd");

    /**
     * A parameter of the wrong JSON type is 400 naming it ({@code params.lineStart}), as a typed field of any other body
     * is: {@code "params"} is a map, so Jackson cannot judge its values (1.5 was 422 as if it were a line past the end).
     * A line number sent as a text ({@code "1"}) is refused as the thread's {@code lineStart} and the MCP tools' are (it was
     * queued here alone); a whole number past Java's range is 422 "is too large", as for any other body's number field.
     */
    private static void refuseMistyped(Map<String, Object> params) {
        if (params == null) {
            return;
        }
        Map<String, Object> wrong = new java.util.LinkedHashMap<>();
        Map<String, Object> outOfRange = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (WHOLE_NUMBERS.contains(name)) {
                if (!(value instanceof Number n) || !whole(n)) {
                    wrong.put(name, "must be a whole number");
                } else if (n.doubleValue() > Integer.MAX_VALUE || n.doubleValue() < Integer.MIN_VALUE) {
                    outOfRange.put(name, n.doubleValue() > 0 ? "is too large" : "is too small");
                }
            } else if (!(value instanceof String)) {
                wrong.put(name, "must be a text");
            }
        });
        if (!wrong.isEmpty()) {
            Map.Entry<String, Object> first = wrong.entrySet().iterator().next();
            // Keyed by the parameter's name, as the job's 422s are ("lineEnd"); the API's answer keys it by its path.
            throw new ApiException(400, "The field params." + first.getKey() + " " + first.getValue(), wrong);
        }
        if (!outOfRange.isEmpty()) {
            Map.Entry<String, Object> first = outOfRange.entrySet().iterator().next();
            throw new ApiException(422, "The field params." + first.getKey() + " " + first.getValue(), outOfRange);
        }
    }

    /** 3 and 3.0 are whole; 1.5 is not; 1e999 (read as infinity) is a whole number too large for any line. */
    private static boolean whole(Number n) {
        if (n instanceof java.math.BigDecimal d) {
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        }
        double d = n.doubleValue();
        return Double.isInfinite(d) || d == Math.rint(d);
    }

    @GET
    @Path("/jobs")
    public List<JobListItem> list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        JobStatus s = QueryParams.oneOf("status", status, JobStatus.values(), Enum::name);
        JobService.Page found = jobs.list(access.project().id, new JobFilter(s == null ? null : s.name(),
                QueryParams.oneOf("type", type, JobFilter.TYPES), page));
        paging.counted(page, found.total(), JobFilter.PAGE_SIZE);
        if (page != null && page > found.pages()) {
            // Past the end an empty list, as the plans answer: the jobs page shows the last page instead, and a script
            // asking for the next page until one comes back short got the last one again and again.
            return List.of();
        }
        return found.rows().stream()
                .map(r -> new JobListItem(r.id(), r.kind().name(), r.type(), r.shownStatus().name(), r.subject(), r.requester(), r.repo(),
                        r.createdAt(), r.error(), r.cancelRequested(), r.cancelledBy())).toList();
    }

    @GET
    @Path("/jobs/{id}")
    public JobAnswer get(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        return answer(jobs.require(access, id));
    }

    @POST
    @Path("/jobs/{id}/cancel")
    public JobAnswer cancel(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer((AiJob) jobs.cancel(access, JobKind.AI, id));
    }

    @POST
    @Path("/jobs/{id}/retry")
    @APIResponse(responseCode = "202", description = "Accepted: the work runs in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobStarted.class)))
    public Response retry(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        AiJob job = jobs.retry(access, id);
        return Response.status(202).entity(new JobStarted(job.id, job.status.name())).build();
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/refactors")
    @APIResponse(responseCode = "202", description = "Accepted: the work runs in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobStarted.class)))
    public Response createRefactor(@PathParam("slug") String slug, @PathParam("name") String name, NewRefactor body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        NewRefactor b = body == null ? new NewRefactor(null, null, null, null) : body;
        RefactorJob job = refactors.create(access, name, new RenameForm(b.symbol(), b.newName(), b.path(),
                String.valueOf(Boolean.TRUE.equals(b.includeStringsAndComments()))));
        return Response.status(202).entity(new JobStarted(job.id, job.status.name())).build();
    }

    @GET
    @Path("/repos/{name}/refactors/{id}")
    public RefactorAnswer getRefactor(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        return refactor(refactors.require(access, name, id));
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/refactors/{id}/apply")
    public AppliedAnswer apply(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        RefactorService.Applied a = refactors.apply(access, name, id);
        return new AppliedAnswer(a.branch(), a.commitSha(), a.files(), a.pushed());
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/refactors/{id}/rerun")
    @APIResponse(responseCode = "202", description = "Accepted: the work runs in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobStarted.class)))
    public Response rerun(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        RefactorJob job = refactors.rerun(access, name, id);
        return Response.status(202).entity(new JobStarted(job.id, job.status.name())).build();
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/refactors/{id}/cancel")
    public RefactorAnswer cancelRefactor(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return refactor(refactors.cancel(access, name, id));
    }

    static ProgressAnswer progress(LeasedJob job) {
        JobProgress p = job.progressView();
        return new ProgressAnswer(p.step(), p.steps(), p.label(), p.labels(), p.detail(), p.percent());
    }

    JobAnswer answer(AiJob job) {
        return new JobAnswer(job.id, job.type.name(), job.shownStatus().name(), progress(job), job.params, job.result, job.error,
                job.attempts, job.createdAt, job.startedAt, job.finishedAt, job.cancelRequested && job.status == JobStatus.RUNNING,
                jobs.username(job.cancelledBy));
    }

    RefactorAnswer refactor(RefactorJob job) {
        return new RefactorAnswer(job.id, job.shownStatus().name(), progress(job), job.params, job.proposal, job.appliedChanges,
                job.error, job.createdAt, job.finishedAt, job.cancelRequested && job.status == JobStatus.RUNNING,
                jobs.username(job.cancelledBy));
    }
}
