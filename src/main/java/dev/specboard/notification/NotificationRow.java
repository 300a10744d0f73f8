package dev.specboard.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of the list with the project it belongs to (name and slug, null for none), so that every row says
 * where it happened in the same place instead of each message naming its project or not.
 */
public record NotificationRow(Notification notification, String projectName, String projectSlug) {

    public UUID id() {
        return notification.id;
    }

    public boolean unread() {
        return notification.isUnread();
    }

    public String link() {
        return notification.link();
    }

    /** The message without a leading "Project: ", which some kinds wrote before the row showed the project itself. */
    public String message() {
        String m = notification.message();
        String prefix = projectName + ": ";
        return projectName != null && m.startsWith(prefix) && m.length() > prefix.length() ? m.substring(prefix.length()) : m;
    }

    public String comment() {
        return notification.comment();
    }

    public Instant createdAt() {
        return notification.createdAt;
    }
}
