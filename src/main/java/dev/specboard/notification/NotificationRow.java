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

    /**
     * The notification's link in its project as the project is named now: links are stored with the slug they were made
     * under, and one made before the project's slug changed would lead to a 404, or into another project given the freed slug.
     */
    public String link() {
        String link = notification.link();
        String prefix = "/projects/";
        if (link == null || projectSlug == null || !link.startsWith(prefix)) {
            return link;
        }
        int end = prefix.length();
        while (end < link.length() && "/?#".indexOf(link.charAt(end)) < 0) {
            end++;
        }
        return prefix + projectSlug + link.substring(end);
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
