package dev.specboard.story;

import dev.specboard.web.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * The story workflow as a state machine: {@code status} (draft, ready, implemented) and the review
 * state of a draft together say where a story stands and which actions are legal.
 */
public enum StoryStage {
    DRAFT("draft", "none", "Draft"),
    IN_REVIEW("draft", "pending", "Waiting for approval"),
    CHANGES_REQUESTED("draft", "changes_requested", "Changes requested"),
    READY("ready", "none", "Ready"),
    IMPLEMENTED("implemented", "none", "Implemented");

    /** What people and agents do to a story. */
    public enum Action { SUBMIT, APPROVE, REQUEST_CHANGES, EDIT, MARK_IMPLEMENTED }

    public final String status;
    public final String review;
    public final String label;

    StoryStage(String status, String review, String label) {
        this.status = status;
        this.review = review;
        this.label = label;
    }

    public static StoryStage of(String status, String review) {
        for (StoryStage s : values()) {
            if (s.status.equals(status) && (s.review.equals(review) || !"draft".equals(status))) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown story state " + status + "/" + review);
    }

    /** The badge style of the stage on pages. */
    public String badge() {
        return switch (this) {
            case READY, IMPLEMENTED -> "ok";
            case IN_REVIEW -> "warn";
            case CHANGES_REQUESTED -> "danger";
            case DRAFT -> "";
        };
    }

    public boolean isApproved() {
        return this == READY || this == IMPLEMENTED;
    }

    public boolean allows(Action action) {
        return next(action).isPresent();
    }

    /** The stage after the action, or a 409 that says why the action is not possible now. */
    public StoryStage after(Action action, String key) {
        return next(action).orElseThrow(() -> ApiException.conflict(refusal(action, key)));
    }

    Optional<StoryStage> next(Action action) {
        StoryStage next = switch (action) {
            case SUBMIT -> this == DRAFT || this == CHANGES_REQUESTED ? IN_REVIEW : null;
            case APPROVE -> this == IN_REVIEW ? READY : null;
            case REQUEST_CHANGES -> this == IN_REVIEW ? CHANGES_REQUESTED : null;
            // Editing an approved story returns it to review; a draft stays where it is.
            case EDIT -> isApproved() ? IN_REVIEW : this;
            case MARK_IMPLEMENTED -> this == READY || this == IMPLEMENTED ? IMPLEMENTED : null;
        };
        return Optional.ofNullable(next);
    }

    private String refusal(Action action, String key) {
        return switch (action) {
            case SUBMIT -> this == IN_REVIEW
                    ? key + " is already waiting for a lead's approval."
                    : key + " is already approved (" + label.toLowerCase() + "); edit it to change it.";
            case APPROVE -> key + " cannot be approved: it is " + where() + ". Only a story submitted for approval can be approved.";
            case REQUEST_CHANGES -> key + " cannot be sent back: it is " + where() + ". Only a story submitted for approval can be sent back.";
            case MARK_IMPLEMENTED -> key + " cannot be implemented before a lead has approved it.";
            case EDIT -> key + " cannot be edited now.";
        };
    }

    /** Where the story stands, to follow "it is" in a refusal (the labels read "it is changes requested"). */
    private String where() {
        return switch (this) {
            case DRAFT -> "a draft not yet submitted";
            case IN_REVIEW -> "waiting for approval";
            case CHANGES_REQUESTED -> "sent back for changes";
            case READY -> "already approved";
            case IMPLEMENTED -> "already implemented";
        };
    }

    /**
     * Why this person may not approve, if they may not: only leads (owners count) approve, and an author
     * who is a lead does not approve their own story unless they are the only lead.
     */
    public static Optional<String> approvalRefusal(String key, UUID author, UUID approver, boolean approverIsLead, long leadCount) {
        if (!approverIsLead) {
            return Optional.of("Only a lead can approve " + key + ".");
        }
        if (author != null && author.equals(approver) && leadCount > 1) {
            return Optional.of("You wrote " + key + ": another lead has to approve it.");
        }
        return Optional.empty();
    }
}
