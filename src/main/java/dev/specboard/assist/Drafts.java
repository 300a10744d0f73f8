package dev.specboard.assist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The model's prose on top of what a job found by parsing: empty when no model is configured (the
 * built-in assistant only states facts). The assistant is looked up rather than injected, so that
 * jobs run before any assistant bean exists.
 */
@ApplicationScoped
class Drafts {

    @Inject
    Instance<Assistant> assistants;

    /** The model's prose, given up at once when the job's cancel fires while the model writes. */
    Optional<String> write(String instruction, String facts, CancelSignal cancel) {
        if (!usesModel()) {
            return Optional.empty();
        }
        return assistants.get().write(instruction, facts, token -> {
        }, cancel).filter(s -> !s.isBlank()).map(String::strip);
    }

    boolean usesModel() {
        return assistants.isResolvable() && assistants.get().usesModel();
    }
}
