package dev.specboard.assist;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Handles the failures Mutiny drops because nobody listens any more: those of a model request the assistant stopped
 * waiting for (its timeout, a cancelled job, an answer cut at the cap) are an expected end, logged at DEBUG; any other is
 * logged as Quarkus does.
 */
@ApplicationScoped
public class ModelLateFailures {

    private static final Logger LOG = Logger.getLogger(ModelLateFailures.class);

    /** The logger and words Quarkus reports a dropped failure with, kept for every failure that is not a model's. */
    private static final Logger QUARKUS = Logger.getLogger("io.quarkus.mutiny.runtime.MutinyInfrastructure");

    /**
     * After Quarkus set its own handler (it logged each one as an ERROR with its trace): ending a model request that has
     * not answered cancels its stream, and the HTTP client's failure that follows (its timeout, the closed connection, the
     * error status the server then sends) has no subscriber left. The reader was told already, and {@link ModelAssistant}
     * logged its own line.
     */
    void install(@Observes StartupEvent event) {
        Infrastructure.setDroppedExceptionHandler(ModelLateFailures::dropped);
    }

    static void dropped(Throwable failure) {
        if (ofModelRequest(failure)) {
            LOG.debugf("A model request ended after the assistant stopped waiting for it: %s", failure);
        } else {
            QUARKUS.error("Mutiny had to drop the following exception", failure);
        }
    }

    /**
     * Whether the failure is one of a model request: thrown by langchain4j, by the REST client (which only the model's
     * client uses), or Vert.x's timeout of a chat-completions request (it carries no trace, only the request in its words).
     */
    static boolean ofModelRequest(Throwable failure) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth++ < 20; c = c.getCause()) {
            if (fromModelClient(c.getClass().getName()) || String.valueOf(c.getMessage()).contains("/chat/completions")) {
                return true;
            }
            for (StackTraceElement e : c.getStackTrace()) {
                if (fromModelClient(e.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fromModelClient(String className) {
        return className.startsWith("dev.langchain4j.") || className.startsWith("io.quarkiverse.langchain4j.")
                || className.startsWith("org.jboss.resteasy.reactive.client.");
    }
}
