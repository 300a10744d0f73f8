package dev.specboard.assist;

/** Where an assistant or refactor job is: the seed's QUEUED → RUNNING → SUCCESS | FAILED, plus CANCELLED. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCESS, FAILED, CANCELLED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    public boolean isFinished() {
        return !isActive();
    }

    /** The badge colour a page shows for it. */
    public String tone() {
        return switch (this) {
            case SUCCESS -> "ok";
            case FAILED -> "danger";
            case CANCELLED -> "";
            default -> "warn";
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** Whether a job in this status, asked to cancel, is still stopping: it runs until its worker's next step. */
    public boolean stopping(boolean cancelRequested) {
        return this == RUNNING && cancelRequested;
    }

    /**
     * The word the pages show: "Cancelling…" for a running job asked to cancel, whose worker has not stopped yet ("Running"
     * read as if the cancel had not been taken), else the status's own.
     */
    public String label(boolean cancelRequested) {
        return stopping(cancelRequested) ? "Cancelling…" : label();
    }

    /** The badge colour beside {@link #label(boolean)}: a stopping job is shown as the cancelled one it becomes. */
    public String tone(boolean cancelRequested) {
        return stopping(cancelRequested) ? CANCELLED.tone() : tone();
    }

    public static java.util.Optional<JobStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(valueOf(value.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
