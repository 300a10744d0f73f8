package dev.specboard.spec;

import dev.specboard.project.RoleFirst;
import dev.specboard.account.CsrfField;
import dev.specboard.account.CurrentUser;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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

import java.util.List;

/** The task board (filters in the URL, moves by drag and drop or a form, WIP limits) and the task page. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class TaskBoardResource {

    @CheckedTemplate(basePath = "spec")
    static class Templates {
        static native TemplateInstance board(Access access, String slug, TaskBoardService.BoardView board, boolean canMove, String message,
                                             TaskBoardService.MoveView confirm, RawString columns, WipLimitsForm wip, BoardFilterForm given);

        static native TemplateInstance board$refused(FormErrors errors);

        static native TemplateInstance board$columns(String slug, TaskBoardService.BoardView board, boolean canMove, String csrfToken);

        static native TemplateInstance board$kept(RawString columns);

        static native TemplateInstance board$message(String slug, TaskBoardService.BoardView board, String message,
                                                     TaskBoardService.MoveView confirm);

        static native TemplateInstance task(Access access, String slug, TaskRow task, TaskQueries.TaskContextView context,
                                            String overviewHtml, String phaseHtml, List<TaskQueries.EventRow> history,
                                            FormErrors errors, String message, boolean canAct, boolean mayMove, List<TaskNoteRow> notes,
                                            List<TaskPriority> priorities, String note, String wipAction, TaskActionForm sent);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    CurrentUser currentUser;

    @Inject
    TaskQueries taskQueries;

    @Inject
    TaskNotes taskNotes;

    @Inject
    TaskBoardService boards;

    @Inject
    Markdown markdown;

    @Inject
    BoardColumns boardColumns;

    @Inject
    CsrfField csrfField;

    /**
     * The board; a filter value that names no spec or story is said at its field with the value kept, and the board lists
     * nothing in its place (422, as a refused filter of any list: showing every task would read as the answer to the typo).
     */
    @GET
    @Path("board")
    public Response board(@PathParam("slug") String slug, @QueryParam("spec") String spec, @QueryParam("story") String story,
                          @QueryParam("claimant") String claimant, @QueryParam("q") String q, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        BoardColumns.Board board = board(access, TaskBoardService.BoardFilter.read(spec, story, claimant, q, choices), access.isMember());
        if (choices.refused()) {
            TemplateInstance refused = Templates.board$refused(choices.errors());
            BoardFilterForm given = new BoardFilterForm(spec, story, choices.errors());
            return Htmx.invalid(Htmx.isFragment(headers) ? refused : Templates.board(access, slug, board.view(), access.isMember(), null, null,
                    new RawString(refused.render()), WipLimitsForm.none(), given));
        }
        return Htmx.pageOrFragment(headers, () -> Templates.board(access, slug, board.view(), access.isMember(), null, null, board.columns(),
                        WipLimitsForm.none(), BoardFilterForm.none()),
                () -> Templates.board$kept(board.columns()));
    }

    /** The columns alone, for polling; a refused filter answers its message in their place (422). */
    @GET
    @Path("board/columns")
    public Response columns(@PathParam("slug") String slug, @QueryParam("spec") String spec, @QueryParam("story") String story,
                            @QueryParam("claimant") String claimant, @QueryParam("q") String q) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        TaskBoardService.BoardFilter filter = TaskBoardService.BoardFilter.read(spec, story, claimant, q, choices);
        if (choices.refused()) {
            return Htmx.invalid(Templates.board$refused(choices.errors()));
        }
        return Response.ok(Templates.board$kept(board(access, filter, access.isMember()).columns())).build();
    }

    /**
     * Moves one card: htmx gets the re-rendered columns plus the message (refusal or WIP
     * confirmation) out of band; a plain form gets the board page again.
     */
    @RoleFirst.Member
    @POST
    @Path("board/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("slug") String slug, @BeanParam MoveForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TaskBoardService.MoveResultView result = boards.move(access, form);
        if (!Htmx.isHtmx(headers) && result.moved()) {
            return Flash.redirect(headers, "/projects/" + slug + "/board" + form.filter().query(), result.message());
        }
        BoardColumns.Board board = board(access, form.filter(), true);
        if (!Htmx.isHtmx(headers)) {
            return Htmx.page(Templates.board(access, slug, board.view(), true, result.message(), result.confirm(), board.columns(),
                            WipLimitsForm.none(), BoardFilterForm.none()),
                    result.status());
        }
        return Htmx.fragments(result.status(), Templates.board$kept(board.columns()),
                Templates.board$message(slug, board.view(), result.message(), result.confirm()));
    }

    /** A lead sets the WIP limit of each column (empty for none); a mistake is 422 with the board, the form open and every value kept. */
    @RoleFirst.Lead
    @POST
    @Path("board/limits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response limits(@PathParam("slug") String slug, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            boards.setWipLimits(access, TaskBoardService.parseWipLimits(form));
        } catch (ValidationException e) {
            BoardColumns.Board board = board(access, TaskBoardService.BoardFilter.none(), true);
            return Htmx.page(Templates.board(access, slug, board.view(), true, null, null, board.columns(), new WipLimitsForm(form, e.errors()),
                    BoardFilterForm.none()),
                    e.status());
        }
        return Flash.redirect(headers, "/projects/" + slug + "/board", "Column limits saved");
    }

    @GET
    @Path("tasks/{key}")
    public Response task(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return Htmx.page(taskPage(access, slug, key, FormErrors.none(), null));
    }

    /** The task's forms live on the task page: a reload of a refused answer (Complete with a bad SHA) opens that page. */
    @GET
    @Path("tasks/{key}/{action: claim|start|complete|fail|release|retry|reopen|notes|priority}")
    public Response actionForm(@PathParam("slug") String slug, @PathParam("key") String key) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/tasks/{key}", slug, key);
    }

    @RoleFirst.Member
    @POST
    @Path("tasks/{key}/{action: claim|start|complete|fail|release|retry|reopen|notes|priority}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("slug") String slug, @PathParam("key") String key, @PathParam("action") String action,
                        @BeanParam TaskActionForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            ImplementationTask t = boards.act(access, key, action, form);
            String done = switch (action) {
                case "notes" -> "Note added to " + t.taskKey;
                case "priority" -> t.taskKey + " has " + t.priority.label().toLowerCase() + " priority";
                default -> t.taskKey + " is " + t.status.label().toLowerCase();
            };
            return Flash.redirect(headers, "/projects/" + slug + "/tasks/" + t.taskKey, done);
        } catch (WipLimitExceeded e) {
            // Ask, as the board does: the confirmation repeats the same action with the same values.
            return Htmx.page(taskPage(access, slug, key, FormErrors.none(), e.reason() + " Do it anyway?", form.body(), action, form), 409);
        } catch (ValidationException e) {
            return Htmx.invalid(taskPage(access, slug, key, e.errors(), "Please correct the fields marked below.", form.body(), null, form));
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Htmx.page(taskPage(access, slug, key, FormErrors.none(), e.getMessage(), form.body(), null, form), e.status());
        }
    }

    private TemplateInstance taskPage(Access access, String slug, String key, FormErrors errors, String message) {
        return taskPage(access, slug, key, errors, message, null);
    }

    private TemplateInstance taskPage(Access access, String slug, String key, FormErrors errors, String message, String note) {
        return taskPage(access, slug, key, errors, message, note, null, TaskActionForm.NONE);
    }

    private TemplateInstance taskPage(Access access, String slug, String key, FormErrors errors, String message, String note,
                                      String wipAction, TaskActionForm sent) {
        TaskQueries.TaskContextView c = taskQueries.context(access.project(), key);
        return Templates.task(access, slug, c.task(), c, markdown.render(c.overview()), markdown.render(c.phaseContent()),
                taskQueries.history(access.project(), key), errors, message, access.isMember(),
                // Only its claimer or a lead may move a claimed task on: the others are not offered what would be refused.
                c.task().claimedBy() == null || access.isLead() || c.task().claimedBy().equals(currentUser.getUsername()),
                taskNotes.notes(access.project(), key),
                TaskPriority.all(), note == null ? "" : note, wipAction, sent);
    }

    /** The board as this viewer sees it, its columns kept while nothing on it changes. */
    private BoardColumns.Board board(Access access, TaskBoardService.BoardFilter filter, boolean canMove) {
        return boardColumns.get(access, filter, canMove, csrfField::getToken,
                (board, token) -> Templates.board$columns(access.slug(), board, canMove, token));
    }

}
