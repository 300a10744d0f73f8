package dev.specboard.design;

/**
 * A data operation the assistant reads from a feature's pages or rules: {@code op} (creates, reads, updates, deletes) on an
 * entity, why, where in words ({@code source}, as the wizard shows it) and, when pages suggested it, those pages
 * ({@code pages}; null for a business rule, whose source is the feature).
 */
public record InferredOperation(String op, String entity, String reason, String source, ThoughtSource pages) {

    public InferredOperation(String op, String entity, String reason, String source) {
        this(op, entity, reason, source, null);
    }

    /** {@code op.Entity}: how a thought's subject and a wizard's answers name it. */
    public String key() {
        return op + "." + entity;
    }
}
