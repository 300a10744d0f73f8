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

    public String message() {
        return notification.message();
    }

    public String comment() {
        return notification.comment();
    }

    public Instant createdAt() {
        return notification.createdAt;
    }
}
