package dev.specboard.notification;

import java.util.UUID;

/**
 * Fired after a notification is stored, for live unread counts and mail: its one-sentence {@code message}, its local
 * {@code link}, and {@code mailTo}, the address to mail it to (null when the account did not ask for mail, or the
 * installation sends none).
 */
public record NotificationCreated(UUID accountId, UUID notificationId, String message, String link, String mailTo) {
}
