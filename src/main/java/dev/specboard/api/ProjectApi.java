package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.account.CurrentUser;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.ProjectRepositories;
import dev.specboard.project.ProjectRow;
import dev.specboard.project.ProjectService;
import dev.specboard.project.SettingsForm;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Projects over the API: list mine, create one, read one, change its settings, archive and unarchive it. */
@Path("/api/v1/projects")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectApi {

    /** The API's words for a change without the version it is based on. */
    static final String VERSION_REQUIRED = "version is required: send the version you read (GET this project)";

    @RegisterForReflection
    public record ProjectBody(String name, String slug, String type, String framework, String description) {
    }

    /** The settings page's fields; {@code version} is the one read (a stale one is 409 with both versions). */
    @RegisterForReflection
    public record SettingsBody(String name, String slug, String type, String framework, String description, String visionStatement,
                               String targetFeeling, List<String> referenceApps, String icon, String color,
                               @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(Project.MAX_TASK_LEASE_MINUTES) Integer taskLeaseMinutes,
                               Integer version) {
    }

    @RegisterForReflection
    public record ProjectRowAnswer(String slug, String name, String role) {
    }

    @RegisterForReflection
    public record ProjectAnswer(String slug, String name, String description, String type, String framework, String status,
                                String role, String visionStatement, String targetFeeling, List<String> referenceApps,
                                String icon, String color, String repoUrl, String repoDefaultBranch,
                                String executiveSummary, boolean executiveSummaryApproved, int executiveSummaryVersion,
                                boolean setupComplete, boolean contextMappingApproved, Instant createdAt, Instant updatedAt,
                                int taskLeaseMinutes, int version) {
        /** The repository fields name the project's first repository, as the overview does: the wizard's answer is
         *  only what setup was told, and people change the address or branch under Code afterwards. */
        static ProjectAnswer of(Access access, List<ProjectRepositories.RepoRef> repos) {
            Project p = access.project();
            String repoUrl = repos.isEmpty() ? p.repoDisplayUrl() : repos.get(0).displayUrl();
            String repoBranch = repos.isEmpty() ? p.repoDefaultBranch : repos.get(0).defaultBranch();
            return new ProjectAnswer(p.slug, p.name, p.description, p.type, p.framework, p.status, access.role().value(),
                    p.visionStatement, p.targetFeeling, p.referenceApps, p.icon, p.color, repoUrl, repoBranch,
                    p.executiveSummary, p.executiveSummaryApproved, p.executiveSummaryVersion, p.setupComplete,
                    p.contextMappingApproved, p.createdAt, p.updatedAt, p.taskLeaseMinutes, p.version);
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ListPaging paging;

    @Inject
    ProjectService projects;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ProjectRepositories repositories;

    /** Every project of the caller, as the stories come without {@code page}; with it, that page of 50 and the paging headers. */
    @GET
    public List<ProjectRowAnswer> list(@QueryParam("page") Integer page) {
        List<ProjectRow> rows = projects.listFor(currentUser.requireAccountId(), currentUser.isAdmin());
        List<ProjectRowAnswer> all = rows.stream()
                .filter(r -> currentUser.tokenProjectId().map(r.id()::equals).orElse(true))
                .map(r -> new ProjectRowAnswer(r.slug(), r.name(), effectiveRole(r.role()).value()))
                .toList();
        return page == null ? paging.whole(all) : paging.of(all, page);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectRowAnswer.class)))
    public Response create(ProjectBody body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        if (currentUser.tokenProjectId().isPresent()) {
            throw ApiException.forbidden("A token limited to one project cannot create projects");
        }
        Project p = projects.create(currentUser.requireAccountId(),
                new ProjectForm(body.name(), body.slug(), body.type(), body.framework(), body.description()));
        return Response.status(201).entity(new ProjectRowAnswer(p.slug, p.name, Role.OWNER.value())).build();
    }

    @GET
    @Path("{slug}")
    public ProjectAnswer get(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return ProjectAnswer.of(access, repositories.list(access.project().id));
    }

    /**
     * The owner changes the project's settings, as on its settings page: a field left out keeps its value (an empty
     * text or list empties it), so a change of the lease alone never renames the project; a new {@code slug} moves it,
     * and the answer names the new one. A stale version is 409 with both versions' settings as this call takes them.
     */
    @RoleFirst.Owner
    @PUT
    @Path("{slug}")
    public ProjectAnswer update(@PathParam("slug") String slug, SettingsBody body) {
        Access access = projectAccess.write(slug, Role.OWNER);
        SettingsBody b = merged(access.project(), body == null ? new SettingsBody(null, null, null, null, null, null, null, null, null, null, null, null) : body);
        Integer lease = b.taskLeaseMinutes();
        if (lease != null && (lease < 1 || lease > Project.MAX_TASK_LEASE_MINUTES)) {
            // The same words as a number past Java's range in this field (ErrorMapper): it was "Validation failed" for 0.
            String range = "must be a whole number from 1 to " + Project.MAX_TASK_LEASE_MINUTES;
            throw new ApiException(422, "The field taskLeaseMinutes " + range, Map.of("taskLeaseMinutes", range));
        }
        // A null entry was told to lose its commas, and a list of thousands was joined to be refused for its characters.
        BodyLists.check().list("referenceApps", b.referenceApps(), Project.MAX_REFERENCE_APPS).refuse();
        if (b.referenceApps().stream().anyMatch(a -> a.contains(","))) {
            throw ValidationException.of("referenceApps", "Name each reference app without commas");
        }
        if (b.version() == null) {
            // The settings page's words ("reload the page") tell a browser user what to do, not an API caller.
            throw ValidationException.of("version", VERSION_REQUIRED);
        }
        try {
            Project p = projects.updateSettings(access, new SettingsForm(b.name(), b.slug(), b.type(), b.framework(), b.description(),
                    b.visionStatement(), b.targetFeeling(), String.join(", ", b.referenceApps()), b.icon(), b.color(),
                    String.valueOf(b.taskLeaseMinutes()), b.version()));
            return answer(access, p);
        } catch (StaleVersionException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("yourVersion", e.yourVersion());
            details.put("currentVersion", e.currentVersion());
            // The project as this request found it: the refused change was rolled back.
            details.put("current", merged(access.project(), new SettingsBody(null, null, null, null, null, null, null, null, null, null, null,
                    e.currentVersion())));
            details.put("yours", b);
            throw ApiException.conflict(e.apiMessage(), details);
        }
    }

    /** The body with each field it leaves out taken from the project as it is. */
    private static SettingsBody merged(Project p, SettingsBody b) {
        return new SettingsBody(FeatureApi.or(b.name(), p.name), FeatureApi.or(b.slug(), p.slug), FeatureApi.or(b.type(), p.type),
                FeatureApi.or(b.framework(), p.framework), FeatureApi.or(b.description(), p.description),
                FeatureApi.or(b.visionStatement(), p.visionStatement), FeatureApi.or(b.targetFeeling(), p.targetFeeling),
                FeatureApi.or(b.referenceApps(), p.referenceApps == null ? List.of() : p.referenceApps),
                FeatureApi.or(b.icon(), p.icon), FeatureApi.or(b.color(), p.color),
                FeatureApi.or(b.taskLeaseMinutes(), p.taskLeaseMinutes), b.version());
    }

    /** The owner makes the project read-only: every later change is refused with 409 until it is unarchived. */
    @RoleFirst.Owner
    @POST
    @Path("{slug}/archive")
    public ProjectAnswer archive(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.OWNER);
        Project p = projects.archive(access);
        return answer(access, p);
    }

    /** The one change an archived project accepts: its owner makes it changeable again. */
    @RoleFirst.Owner
    @POST
    @Path("{slug}/unarchive")
    public ProjectAnswer unarchive(@PathParam("slug") String slug) {
        Access access = projectAccess.readAs(slug, Role.OWNER);
        Project p = projects.unarchive(access);
        return answer(access, p);
    }

    /** The project as a change left it, seen with the caller's role. */
    private ProjectAnswer answer(Access access, Project changed) {
        return ProjectAnswer.of(new Access(changed, access.role(), access.accountId()), repositories.list(changed.id));
    }

    private Role effectiveRole(Role role) {
        return currentUser.tokenRole().map(t -> Role.lower(t, role)).orElse(role);
    }
}
