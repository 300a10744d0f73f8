package dev.specboard.home;

import java.time.Instant;

/**
 * One decision waiting for someone: a story, context or design doc to approve, an executive summary to approve,
 * a story sent back to its author, or a question the assistant asks the project's designers (its version: the thought's, which closing it sends). {@code sinceVersion} is the last version a lead decided on.
 */
public record InboxRow(String kind, String projectSlug, String projectName, String key, String title, String link,
                        Integer version, Integer sinceVersion, String comment, Instant updatedAt) {

    /** Whether the version is one people read (a story's, a design doc's); a question's is only the one its close form sends. */
    public boolean versionShown() {
        return version != null && !kind.equals("question");
    }

    public boolean hasChangesSince() {
        return sinceVersion != null && version != null && sinceVersion < version;
    }

    /** The page comparing the version decided on with this one: a story's diff, or its component's design-doc diff. */
    public String changesHref() {
        String base = kind.equals("design-doc") ? "/projects/" + projectSlug + "/components/" + key + "/design-doc" : link;
        return base + "/diff?from=" + sinceVersion + "&to=" + version;
    }

    /**
     * What the item is called wherever it is listed (the inbox and the start page): a story by its key and title, anything
     * else by its title alone, since its key is an id no one reads.
     */
    public String heading() {
        return kind.equals("story") || kind.equals("sent-back") ? key + " " + title : title;
    }

    public String label() {
        return switch (kind) {
            case "story" -> "Story to approve";
            case "context" -> "Context to approve";
            case "design-doc" -> "Design doc to approve";
            case "summary" -> "Executive summary to approve";
            case "sent-back" -> "Sent back to you";
            case "question" -> "A question from the assistant";
            default -> kind;
        };
    }
}
