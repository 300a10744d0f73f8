package dev.specboard.spec;

import jakarta.ws.rs.FormParam;

/**
 * A card move from the board: the task, the column, the confirmation of a move past a WIP limit,
 * the commit for completing, and the board's filters, which the answer keeps.
 */
public record MoveForm(@FormParam("task") String task, @FormParam("to") String to, @FormParam("confirm") String confirm,
                       @FormParam("commitSha") String commitSha, @FormParam("spec") String spec, @FormParam("story") String story,
                       @FormParam("claimant") String claimant, @FormParam("q") String q) {

    public TaskBoardService.BoardFilter filter() {
        return TaskBoardService.BoardFilter.of(spec, story, claimant, q);
    }

    public boolean confirmed() {
        return "true".equals(confirm);
    }
}
