package dev.specboard.architecture;

/** A completion flag and whether it was derived from the synced repository (true) or set by hand (false). */
public record Flag(boolean done, boolean derived) {

    public static Flag manual(boolean done) {
        return new Flag(done, false);
    }

    public String label() {
        return (done ? "done" : "not done") + (derived ? " (derived from the repository)" : "");
    }
}
