package dev.specboard.plan;

import dev.specboard.web.FormErrors;

import java.util.List;

/** The chat page of a plan version: its messages, whether it takes new ones, the longest message it takes, and the form's state. */
public record ChatView(Plan plan, boolean open, boolean usesModel, List<Message> messages, String draft, String error, int maxChars) {

    /** A message ready to show: its markdown rendered (sanitised). */
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
