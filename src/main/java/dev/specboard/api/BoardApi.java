package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.spec.TaskBoardService;
import dev.specboard.spec.TaskStatus;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.UnknownNames;
import dev.specboard.web.ValidationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The task board's WIP limits over the API, as on the board: every member reads them, a lead sets them. The answer
 * names every column ({@code pending}, {@code claimed}, ...) with its limit, null for none.
 */
@Path("/api/v1/projects/{slug}/board/limits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BoardApi {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TaskBoardService boards;

    @GET
    public Map<String, Integer> limits(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return answer(access);
    }

    /**
     * Sets the limits of the columns named ({@code {"in_progress": 3, "claimed": null}}: a number from 1 to 10000, or null
     * for none); the columns not named keep theirs. Tasks already over a new limit stay where they are.
     */
    @RoleFirst.Lead
    @PUT
    public Map<String, Integer> setLimits(@PathParam("slug") String slug, Map<String, Integer> body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        // A column not on the board is named, the first few only: a body of 200,000 made-up columns was answered with
        // every one of them (21 MB after 8 seconds).
        UnknownNames unknown = new UnknownNames();
        Map<TaskStatus, Integer> limits = new EnumMap<>(TaskStatus.class);
        body.forEach((column, limit) -> {
            Optional<TaskStatus> status = TaskStatus.parse(column).filter(TaskStatus.columns()::contains);
            if (status.isEmpty()) {
                unknown.add(column, () -> "Not a column of the board: one of " + TaskStatus.columns().stream().map(TaskStatus::value)
                        .collect(Collectors.joining(", ")));
            } else {
                limits.put(status.get(), limit);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(422, unknown.message("Not columns of the board"), unknown.details());
        }
        try {
            boards.setWipLimits(access, limits);
        } catch (ValidationException e) {
            // the board's form names its fields "wip-<column>"; the body names the column
            FormErrors named = FormErrors.none();
            e.errors().asMap().forEach((field, message) -> named.add(field.replaceFirst("^wip-", ""), message));
            throw new ValidationException(named);
        }
        return answer(access);
    }

    private Map<String, Integer> answer(Access access) {
        Map<TaskStatus, Integer> limits = boards.wipLimits(access.project());
        Map<String, Integer> out = new LinkedHashMap<>();
        TaskStatus.columns().forEach(s -> out.put(s.value(), limits.get(s)));
        return out;
    }
}
