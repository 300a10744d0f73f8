package dev.specboard.web;

import java.util.UUID;

/**
 * Something changed that open pages may want to show: addressed to one account (a notification)
 * or to everyone looking at one project (a board move). {@code kind} becomes the SSE event name.
 */
public record LiveEvent(String kind, UUID accountId, UUID projectId) {

    public static LiveEvent forAccount(String kind, UUID accountId) {
        return new LiveEvent(kind, accountId, null);
    }

    public static LiveEvent forProject(String kind, UUID projectId) {
        return new LiveEvent(kind, null, projectId);
    }

    /** The wire form inside a PostgreSQL NOTIFY payload: {@code kind|account|project}. */
    String encode() {
        return kind + "|" + (accountId == null ? "" : accountId) + "|" + (projectId == null ? "" : projectId);
    }

    static LiveEvent decode(String payload) {
        String[] p = payload.split("\\|", -1);
        if (p.length != 3 || !p[0].matches("[a-z][a-z0-9-]{0,40}")) {
            return null;
        }
        try {
            return new LiveEvent(p[0], p[1].isEmpty() ? null : UUID.fromString(p[1]), p[2].isEmpty() ? null : UUID.fromString(p[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
