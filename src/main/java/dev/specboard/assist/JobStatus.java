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
