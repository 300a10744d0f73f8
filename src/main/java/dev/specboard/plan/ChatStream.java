package dev.specboard.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The assistant's answers as they are written, on this app instance: each token, then "done", for
 * the chat pages' event streams. (Other instances learn that a chat changed through the project's
 * live events, and reload its messages.)
 */
@ApplicationScoped
public class ChatStream {

    /** A piece of an answer ({@code text} set) or the end of one ({@code text} null), in a plan version's chat. */
    public record Piece(UUID planId, UUID messageId, String text) {
        public boolean done() {
            return text == null;
        }
    }

    private final BroadcastProcessor<Piece> pieces = BroadcastProcessor.create();

    public void token(UUID planId, UUID messageId, String text) {
        pieces.onNext(new Piece(planId, messageId, text));
    }

    public void done(UUID planId, UUID messageId) {
        pieces.onNext(new Piece(planId, messageId, null));
    }

    public Multi<Piece> all() {
        return pieces;
    }
}
