package dev.specboard.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A task as the board, the spec page and the API show it, read in one query with its spec and
 * claimant (never by walking lazy associations).
 */
public record TaskRow(String key, int specNumber, String specTitle, Integer storyNumber, String scope, String scopeDescription,
                      List<String> assignedFiles, String branchName, TaskStatus status, String claimedBy, Instant claimedAt,
                      Instant startedAt, Instant completedAt, String commitSha, Instant mergedAt, String failureReason,
                      BigDecimal estimatedHours, BigDecimal actualHours, Instant createdAt, Instant updatedAt, boolean blocked,
                      TaskPriority priority, Instant leaseExpiresAt, String worktreePath) {

    public String specKey() {
        return "SPEC-" + specNumber;
    }

    public String shortSha() {
        return commitSha == null ? "" : commitSha.substring(0, 8);
    }

    /** When the task came into its column: the card shows the date behind its age. */
    public Instant inColumnSince() {
        Instant since = switch (status) {
            case PENDING -> createdAt;
            case CLAIMED -> claimedAt;
            case IN_PROGRESS -> startedAt;
            case COMPLETED -> completedAt;
            case MERGED -> mergedAt;
            case FAILED -> updatedAt;
        };
        return since == null ? updatedAt : since;
    }

    /** How long the task has been in its column, for the card: "&lt;1m", "5m", "3h", "2d" (the card adds "in column"). */
    public String age() {
        Duration d = Duration.between(inColumnSince(), Instant.now());
        if (d.toMinutes() < 1) {
            return "<1m";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m";
        }
        if (d.toDays() < 1) {
            return d.toHours() + "h";
        }
        return d.toDays() + "d";
    }

    TaskRow withBlocked(boolean b) {
        return new TaskRow(key, specNumber, specTitle, storyNumber, scope, scopeDescription, assignedFiles, branchName, status,
                claimedBy, claimedAt, startedAt, completedAt, commitSha, mergedAt, failureReason, estimatedHours, actualHours,
                createdAt, updatedAt, b, priority, leaseExpiresAt, worktreePath);
    }
}
