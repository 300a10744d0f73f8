package dev.specboard.story;

import dev.specboard.kernel.ApprovalRow;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * A story's page: the story, its rendered text, history, decisions, contexts, the features and pages it came from, the
 * specs that implement it, and the request-changes form's state.
 */
public record StoryView(Access access, Story story, String authorName, String descriptionHtml, String criteriaHtml, List<Ears.Requirement> ears,
                        List<RevisionRow> revisions, List<ApprovalRow> approvals, List<ContextRef> storyContexts, List<ContextRef> otherContexts,
                        String approveRefusal, FormErrors errors, String comment, List<OriginRef> origins,
                        List<StorySpecs.Linked> specs) {
}
