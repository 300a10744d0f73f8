package dev.specboard.plan;

import java.util.List;

/** The chat page of a plan version: its messages, whether it takes new ones, and the form's state. */
public record ChatView(Plan plan, boolean open, boolean usesModel, List<Message> messages, String draft, String error) {

    /** A message ready to show: its markdown rendered (sanitised). */
    public record Message(ChatMessage message, String html) {
    }

    public boolean anyPending() {
        return messages.stream().anyMatch(m -> m.message().pending());
    }
}
