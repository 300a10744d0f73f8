package dev.specboard.design;

/** A data operation the assistant reads from a feature's pages or rules: {@code op} (creates, reads, updates, deletes) on an entity, and why. */
public record InferredOperation(String op, String entity, String reason, String source) {

    /** {@code op.Entity}: how a thought's subject and a wizard's answers name it. */
    public String key() {
        return op + "." + entity;
    }
}
