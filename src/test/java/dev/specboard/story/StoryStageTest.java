package dev.specboard.story;

import dev.specboard.story.StoryStage.Action;
import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.specboard.story.StoryStage.CHANGES_REQUESTED;
import static dev.specboard.story.StoryStage.DRAFT;
import static dev.specboard.story.StoryStage.IMPLEMENTED;
import static dev.specboard.story.StoryStage.IN_REVIEW;
import static dev.specboard.story.StoryStage.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryStageTest {

    @Test
    void draftIsSubmittedThenApprovedThenImplemented() {
        StoryStage s = DRAFT.after(Action.SUBMIT, "US-1");
        assertEquals(IN_REVIEW, s);
        s = s.after(Action.APPROVE, "US-1");
        assertEquals(READY, s);
        assertEquals("ready", s.status);
        assertTrue(s.isApproved());
        assertEquals(IMPLEMENTED, s.after(Action.MARK_IMPLEMENTED, "US-1"));
    }

    @Test
    void changesRequestedGoesBackToTheAuthorAndCanBeResubmitted() {
        StoryStage s = IN_REVIEW.after(Action.REQUEST_CHANGES, "US-1");
        assertEquals(CHANGES_REQUESTED, s);
        assertEquals("draft", s.status);
        assertEquals(CHANGES_REQUESTED, s.after(Action.EDIT, "US-1"));
        assertEquals(IN_REVIEW, s.after(Action.SUBMIT, "US-1"));
    }

    @Test
    void editingAnApprovedStoryReturnsItToReview() {
        assertEquals(IN_REVIEW, READY.after(Action.EDIT, "US-1"));
        assertEquals(IN_REVIEW, IMPLEMENTED.after(Action.EDIT, "US-1"));
        assertEquals(DRAFT, DRAFT.after(Action.EDIT, "US-1"));
    }

    @Test
    void illegalTransitionsAreRefusedWithAClearMessage() {
        ApiException e = assertThrows(ApiException.class, () -> DRAFT.after(Action.APPROVE, "US-4"));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().startsWith("US-4 cannot be approved"), e.getMessage());
        assertThrows(ApiException.class, () -> IN_REVIEW.after(Action.SUBMIT, "US-4"));
        assertThrows(ApiException.class, () -> READY.after(Action.SUBMIT, "US-4"));
        assertThrows(ApiException.class, () -> READY.after(Action.APPROVE, "US-4"));
        assertThrows(ApiException.class, () -> DRAFT.after(Action.REQUEST_CHANGES, "US-4"));
        assertThrows(ApiException.class, () -> IN_REVIEW.after(Action.MARK_IMPLEMENTED, "US-4"));
        assertFalse(CHANGES_REQUESTED.allows(Action.APPROVE));
    }

    @Test
    void aRefusalSaysWhereTheStoryStandsInWords() {
        assertEquals("US-4 cannot be approved: it is sent back for changes. Only a story submitted for approval can be approved.",
                assertThrows(ApiException.class, () -> CHANGES_REQUESTED.after(Action.APPROVE, "US-4")).getMessage());
        assertEquals("US-4 cannot be approved: it is already approved. Only a story submitted for approval can be approved.",
                assertThrows(ApiException.class, () -> READY.after(Action.APPROVE, "US-4")).getMessage());
        assertEquals("US-4 cannot be sent back: it is a draft not yet submitted. Only a story submitted for approval can be sent back.",
                assertThrows(ApiException.class, () -> DRAFT.after(Action.REQUEST_CHANGES, "US-4")).getMessage());
    }

    @Test
    void stageIsReadFromStatusAndReview() {
        assertEquals(DRAFT, StoryStage.of("draft", "none"));
        assertEquals(IN_REVIEW, StoryStage.of("draft", "pending"));
        assertEquals(CHANGES_REQUESTED, StoryStage.of("draft", "changes_requested"));
        assertEquals(READY, StoryStage.of("ready", "none"));
        assertEquals(IMPLEMENTED, StoryStage.of("implemented", "none"));
    }

    @Test
    void authorWhoIsALeadMayNotApproveTheirOwnStoryUnlessTheOnlyLead() {
        UUID author = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertTrue(StoryStage.approvalRefusal("US-1", author, author, true, 2).isPresent());
        assertTrue(StoryStage.approvalRefusal("US-1", author, author, true, 1).isEmpty());
        assertTrue(StoryStage.approvalRefusal("US-1", author, other, true, 2).isEmpty());
        assertEquals("Only a lead can approve US-1.", StoryStage.approvalRefusal("US-1", author, other, false, 2).orElseThrow());
    }
}
