package dev.specboard.spec;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task board (filters in the URL, moves by drag and drop or a form, WIP limits) and the task page. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class TaskBoardResource {

    @CheckedTemplate(basePath = "spec")
    static class Templates {
        static native TemplateInstance board(Access access, String slug, TaskBoardService.Board board, boolean canMove, String message,
                                             Move confirm);

        static native TemplateInstance board$columns(String slug, TaskBoardService.Board board, boolean canMove);

        static native TemplateInstance board$message(String slug, TaskBoardService.Board board, String message, Move confirm);

        static native TemplateInstance task(Access access, String slug, TaskRow task, TaskService.TaskContext context,
                                            String overviewHtml, String phaseHtml, List<TaskService.EventRow> history,
                                            FormErrors errors, String message, boolean canAct);
    }

    /** A move waiting for confirmation because it exceeds a WIP limit. */
    public record Move(String task, String to, String label) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TaskService tasks;

    @Inject
    TaskBoardService boards;

    @Inject
    Markdown markdown;

    @GET
    @Path("board")
    public Response board(@PathParam("slug") String slug, @QueryParam("spec") String spec, @QueryParam("story") String story,
                          @QueryParam("claimant") String claimant, @QueryParam("q") String q, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        TaskBoardService.Board board = boards.board(access.project(), filter(spec, story, claimant, q));
        return Htmx.pageOrFragment(headers, () -> Templates.board(access, slug, board, access.isMember(), null, null),
                () -> Templates.board$columns(slug, board, access.isMember()));
    }

    /** The columns alone, for polling. */
    @GET
    @Path("board/columns")
    public Response columns(@PathParam("slug") String slug, @QueryParam("spec") String spec, @QueryParam("story") String story,
                            @QueryParam("claimant") String claimant, @QueryParam("q") String q) {
        Access access = projectAccess.read(slug);
        TaskBoardService.Board board = boards.board(access.project(), filter(spec, story, claimant, q));
        return Response.ok(Templates.board$columns(slug, board, access.isMember())).build();
    }

    /**
     * Moves one card: htmx gets the re-rendered columns plus the message (refusal or WIP
     * confirmation) out of band; a plain form gets the board page again.
     */
    @POST
    @Path("board/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("slug") String slug, @FormParam("task") String task, @FormParam("to") String to,
                         @FormParam("confirm") String confirm, @FormParam("commitSha") String commitSha,
                         @FormParam("spec") String spec, @FormParam("story") String story, @FormParam("claimant") String claimant,
                         @FormParam("q") String q, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TaskBoardService.BoardFilter filter = filter(spec, story, claimant, q);
        String message = null;
        Move pending = null;
        int status = 200;
        TaskStatus target = TaskStatus.parse(to).orElse(null);
        String key = ImplementationTask.normalizeKey(task).orElse(task);
        if (target == null) {
            message = "Choose a column to move " + key + " to.";
            status = 422;
        } else {
            Optional<String> wip = "true".equals(confirm) ? Optional.empty() : boards.wipWarning(access.project(), target, key);
            if (wip.isPresent()) {
                message = wip.get() + " Move " + key + " there anyway?";
                pending = new Move(key, target.value(), target.label());
                status = 409;
            } else {
                try {
                    tasks.move(access, key, target, commitSha, null, null, new TaskService.Actor(access.accountId(), TaskEvent.VIA_WEB));
                    message = key + " moved to " + target.label().toLowerCase() + ".";
                } catch (ValidationException e) {
                    message = "Not moved: " + String.join(" ", e.errors().asMap().values())
                            + (target == TaskStatus.COMPLETED ? " Complete it from its task page." : "");
                    status = 422;
                } catch (ApiException e) {
                    if (e.status() == 403 || e.status() == 404) {
                        throw e;
                    }
                    message = "Not moved: " + e.getMessage();
                    status = e.status();
                }
            }
        }
        TaskBoardService.Board board = boards.board(access.project(), filter);
        if (!Htmx.isHtmx(headers)) {
            if (status == 200) {
                return Flash.redirect(headers, "/projects/" + slug + "/board" + filter.query(), message);
            }
            return Htmx.page(Templates.board(access, slug, board, true, message, pending), status);
        }
        return Htmx.fragments(status, Templates.board$columns(slug, board, true), Templates.board$message(slug, board, message, pending));
    }

    /** A lead sets the WIP limit of each column (empty for none). */
    @POST
    @Path("board/limits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response limits(@PathParam("slug") String slug, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        Map<TaskStatus, Integer> limits = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            String v = form.getFirst("wip-" + s.value());
            if (v == null) {
                continue;
            }
            if (v.isBlank()) {
                limits.put(s, null);
            } else {
                try {
                    limits.put(s, Integer.valueOf(v.trim()));
                } catch (NumberFormatException e) {
                    limits.put(s, -1);
                }
            }
        }
        try {
            boards.setWipLimits(access, limits);
        } catch (ValidationException e) {
            return Flash.redirect(headers, "/projects/" + slug + "/board", "Limits not saved: " + String.join(" ", e.errors().asMap().values()));
        }
        return Flash.redirect(headers, "/projects/" + slug + "/board", "Column limits saved");
    }

    @GET
    @Path("tasks/{key}")
    public Response task(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return Htmx.page(taskPage(access, slug, key, FormErrors.none(), null));
    }

    @POST
    @Path("tasks/{key}/{action: claim|start|complete|fail|release|retry|reopen}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("slug") String slug, @PathParam("key") String key, @PathParam("action") String action,
                        @FormParam("commitSha") String commitSha, @FormParam("actualHours") String actualHours,
                        @FormParam("reason") String reason, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TaskService.Actor actor = new TaskService.Actor(access.accountId(), TaskEvent.VIA_WEB);
        try {
            ImplementationTask t = switch (action) {
                case "claim" -> tasks.claim(access, key, actor);
                case "start" -> tasks.start(access, key, actor);
                case "complete" -> tasks.complete(access, key, commitSha, hours(actualHours), actor);
                case "fail" -> tasks.fail(access, key, reason, actor);
                case "release", "retry" -> tasks.move(access, key, TaskStatus.PENDING, null, null, null, actor);
                default -> tasks.move(access, key, TaskStatus.IN_PROGRESS, null, null, null, actor);
            };
            return Flash.redirect(headers, "/projects/" + slug + "/tasks/" + t.taskKey, t.taskKey + " is " + t.status.label().toLowerCase());
        } catch (ValidationException e) {
            return Htmx.invalid(taskPage(access, slug, key, e.errors(), "Please correct the fields marked below."));
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Htmx.page(taskPage(access, slug, key, FormErrors.none(), e.getMessage()), e.status());
        }
    }

    private TemplateInstance taskPage(Access access, String slug, String key, FormErrors errors, String message) {
        TaskService.TaskContext c = tasks.context(access.project(), key);
        return Templates.task(access, slug, c.task(), c, markdown.render(c.overview()), markdown.render(c.phaseContent()),
                tasks.history(access.project(), key), errors, message, access.isMember());
    }

    private static BigDecimal hours(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("actualHours", "Hours as a number, like 2 or 1.5");
        }
    }

    static TaskBoardService.BoardFilter filter(String spec, String story, String claimant, String q) {
        Integer storyNumber = null;
        if (story != null && !story.isBlank()) {
            try {
                storyNumber = Integer.valueOf(story.trim().replaceFirst("(?i)^US-", ""));
            } catch (NumberFormatException e) {
                storyNumber = -1;
            }
        }
        return new TaskBoardService.BoardFilter(blank(spec), storyNumber, blank(claimant), blank(q));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
