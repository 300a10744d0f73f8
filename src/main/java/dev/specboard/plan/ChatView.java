package dev.specboard.plan;

import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * The chat page of a plan version: its messages, whether it takes new ones, the longest message it takes, the form's state,
 * and the plan's newest version when this one is older ({@code newer}; null otherwise): an older version's chat is read-only.
 */
public record ChatView(Plan plan, boolean open, boolean usesModel, List<Message> messages, String draft, String error, int maxChars,
                       Plan newer) {

    /** Whether new messages (and retried answers) are taken here: an open chat of the plan's newest version. */
    public boolean takesMessages() {
        return open && newer == null;
    }

    /** A message ready to show: its markdown rendered (sanitised; raw HTML a person typed shows as typed). */
    public record Message(ChatMessage message, String html) {
    }

    /** The refused message's problem as the error summary above the form lists it. */
    public FormErrors errors() {
        return error == null || error.isBlank() ? FormErrors.none() : FormErrors.none().add("content", error);
    }

    public boolean anyPending() {
        return messages.stream().anyMatch(m -> m.message().pending());
    }
}
