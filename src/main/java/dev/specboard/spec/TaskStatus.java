package dev.specboard.spec;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an implementation task stands, in board column order, and the moves allowed between
 * states. {@code merged} is only reached through the repository sync, never by hand.
 */
public enum TaskStatus {
    PENDING, CLAIMED, IN_PROGRESS, COMPLETED, MERGED, FAILED;

    private static final Map<String, TaskStatus> BY_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TaskStatus::value, s -> s));

    /** The transition table: from each state, the states a person or agent may move a task to. */
    private static final Map<TaskStatus, Set<TaskStatus>> MOVES = Map.of(
            PENDING, EnumSet.of(CLAIMED, IN_PROGRESS),
            CLAIMED, EnumSet.of(IN_PROGRESS, PENDING, FAILED),
            IN_PROGRESS, EnumSet.of(COMPLETED, FAILED, PENDING),
            COMPLETED, EnumSet.of(IN_PROGRESS),
            MERGED, EnumSet.noneOf(TaskStatus.class),
            FAILED, EnumSet.of(PENDING));

    /** Each column's move choices, made once: every card of a board renders them. */
    private static final Map<TaskStatus, List<TaskStatus>> CHOICES = Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(
            s -> s, s -> Arrays.stream(values()).filter(to -> to == s || s.canMoveTo(to)).toList()));

    public String value() {
        return name().toLowerCase();
    }

    public String label() {
        return switch (this) {
            case PENDING -> "Pending";
            case CLAIMED -> "Claimed";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case MERGED -> "Merged";
            case FAILED -> "Failed";
        };
    }

    /** Completed or merged: counts as done for the spec's roll-up and for dependencies. */
    public boolean isDone() {
        return this == COMPLETED || this == MERGED;
    }

    /** Someone holds the task. */
    public boolean isHeld() {
        return this == CLAIMED || this == IN_PROGRESS;
    }

    /**
     * Whether a lead may set a WIP limit on this column: not on merged, where finished work ends and which a sync fills
     * whatever it holds (a completion merged at once went past it), so a limit there could not hold; nor on failed, as
     * an agent reporting a failure must never be refused (a full failed column held its failed task as if in progress).
     */
    public boolean takesWipLimit() {
        return this != MERGED && this != FAILED;
    }

    /** Why this column takes no WIP limit ({@link #takesWipLimit}), for the lead who tried to set one. */
    public String noWipLimitReason() {
        return this == FAILED ? "The failed column takes no limit: reporting a failure is never refused"
                : "The " + label().toLowerCase() + " column takes no limit: finished work ends there, and the repository sync moves tasks in whatever it holds";
    }

    public boolean canMoveTo(TaskStatus to) {
        return MOVES.get(this).contains(to);
    }

    public Set<TaskStatus> targets() {
        return MOVES.get(this);
    }

    /** What a card in this column offers to move to: its own column first selected, then the allowed moves in column order. */
    public List<TaskStatus> moveChoices() {
        return CHOICES.get(this);
    }

    /** Why a move is refused, in words for the person who tried it; empty when the move is allowed. */
    public Optional<String> refusal(TaskStatus to) {
        if (canMoveTo(to)) {
            return Optional.empty();
        }
        if (this == to) {
            return Optional.of("The task is already " + label().toLowerCase() + ".");
        }
        if (to == MERGED) {
            return Optional.of("A task becomes merged when the repository sync finds its commit on the default branch.");
        }
        if (this == MERGED) {
            return Optional.of("A merged task is finished and cannot move.");
        }
        if (this == CLAIMED && to == COMPLETED) {
            return Optional.of("A task cannot move from claimed to completed: start it first.");
        }
        if (to == FAILED && this == PENDING) {
            return Optional.of("Only a claimed or started task can fail.");
        }
        return Optional.of("A task cannot move from " + label().toLowerCase() + " to " + to.label().toLowerCase() + ".");
    }

    public static List<TaskStatus> columns() {
        return List.of(values());
    }

    public static Optional<TaskStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        // A map, not a scan: every task row read from the database comes through here.
        return Optional.ofNullable(BY_VALUE.get(value.trim().replace('-', '_').toLowerCase(Locale.ROOT)));
    }


    /** Stored lowercase, as the seed spells statuses. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<TaskStatus, String> {
        @Override
        public String convertToDatabaseColumn(TaskStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public TaskStatus convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
