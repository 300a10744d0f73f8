package dev.specboard.notification;

import java.util.UUID;

/** Fired after a notification is stored, for live unread counts. */
public record NotificationCreated(UUID accountId, UUID notificationId) {
}
