package dev.specboard.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.web.ApiException;
import dev.specboard.web.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stores notifications for people, lists them and marks them read. */
@ApplicationScoped
public class NotificationService {

    /**
     * The address to mail a new notification to: the account's, when it asked for mail and is not disabled. Part of the
     * statement that stores the notification (as a subquery), so mailing costs no statement of its own.
     */
    private static final String MAIL_TO = "SELECT a.email FROM accounts a WHERE a.id = ?1 AND a.email_notifications AND a.disabled_at IS NULL";

    @Inject
    Event<NotificationCreated> created;

    @Inject
    OutgoingMail mail;

    /** The application's JSON mapper, as Hibernate writes the entity's payload column with it. */
    @Inject
    ObjectMapper json;

    /** Notifies one account; {@code payload} should carry {@code message} and {@code link} (see {@link Notification}). */
    @Transactional
    public Notification notify(UUID accountId, String type, Map<String, Object> payload) {
        Notification n = new Notification();
        n.userId = accountId;
        n.type = type;
        n.payload = payload == null ? new HashMap<>() : new HashMap<>(payload);
        n.persist();
        String mailTo = null;
        if (mail.enabled()) {
            List<?> address = Notification.getEntityManager().createNativeQuery(MAIL_TO).setParameter(1, accountId).getResultList();
            mailTo = address.isEmpty() ? null : (String) address.get(0);
        }
        created.fire(new NotificationCreated(accountId, n.id, n.message(), n.link(), mailTo));
        return n;
    }

    /**
     * Notifies one account about something in a project, only while it is a member there: someone removed from the
     * project can no longer read what the notification points at, so whatever the reason they would be told, they are
     * not (empty answer). The membership check is part of the insert, one statement.
     */
    @Transactional
    public Optional<Notification> notify(UUID accountId, UUID projectId, String type, Map<String, Object> payload) {
        if (projectId == null) {
            return Optional.of(notify(accountId, type, payload));
        }
        Map<String, Object> body = payload == null ? new HashMap<>() : new HashMap<>(payload);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A notification payload that is not JSON: " + e.getOriginalMessage(), e);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Notification.getEntityManager().createNativeQuery("""
                        INSERT INTO notifications (user_id, project_id, type, payload)
                        SELECT ?1, ?2, ?3, CAST(?4 AS jsonb)
                        WHERE EXISTS (SELECT 1 FROM project_memberships m WHERE m.project_id = ?2 AND m.user_id = ?1)
                        RETURNING id, (extract(epoch FROM created_at) * 1000000)::bigint, (""" + MAIL_TO + ")")
                .setParameter(1, accountId).setParameter(2, projectId).setParameter(3, type).setParameter(4, text)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Notification n = new Notification();
        n.id = (UUID) rows.get(0)[0];
        n.createdAt = Instant.EPOCH.plus(((Number) rows.get(0)[1]).longValue(), java.time.temporal.ChronoUnit.MICROS);
        n.userId = accountId;
        n.projectId = projectId;
        n.type = type;
        n.payload = body;
        created.fire(new NotificationCreated(accountId, n.id, n.message(), n.link(), mail.enabled() ? (String) rows.get(0)[2] : null));
        return Optional.of(n);
    }

    /**
     * The notification {@code n} is about no project or one the account {@code :account} can still read (a member, or a
     * site admin, who sees every project): a removed member's notifications showed the project's current name and paths.
     * Part of the same query, so a list costs no statement per row.
     */
    static final String READABLE = "(n.projectId is null or exists (select 1 from Membership m where m.project.id = n.projectId "
            + "and m.account.id = :account) or exists (select 1 from Account a where a.id = :account and a.role = 'admin'))";

    public long unreadCount(UUID accountId) {
        return Notification.count("from Notification n where n.userId = :account and n.readAt is null and " + READABLE,
                Map.of("account", accountId));
    }

    /** The newest notifications of an account, unread ones only if asked. */
    public List<Notification> list(UUID accountId, boolean unreadOnly, int limit) {
        return list(accountId, null, unreadOnly, limit);
    }

    /** The same, limited to one project when {@code projectId} is given (a project-limited API token). */
    public List<Notification> list(UUID accountId, UUID projectId, boolean unreadOnly, int limit) {
        return page(accountId, projectId, unreadOnly, null, limit).notifications();
    }

    /**
     * A page of the account's notifications, newest first: those older than the account's notification {@code before}
     * when it is given (404 when it is not one of theirs), with the id to ask for the next page when there are more.
     */
    public NotificationPage page(UUID accountId, UUID projectId, boolean unreadOnly, UUID before, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        StringBuilder q = new StringBuilder("from Notification n where n.userId = :account and " + READABLE);
        if (projectId != null) {
            q.append(" and n.projectId = :project");
            params.put("project", projectId);
        }
        if (unreadOnly) {
            q.append(" and n.readAt is null");
        }
        if (before != null) {
            Notification last = Notification.findById(before);
            if (last == null || !last.userId.equals(accountId)) {
                throw ApiException.notFound("No such notification to list older ones from");
            }
            // Keyset paging on (createdAt, id): a page stays the same when new notifications arrive meanwhile, and two
            // made in the same microsecond are neither skipped nor shown twice.
            q.append(" and (n.createdAt < :at or (n.createdAt = :at and n.id < :id))");
            params.put("at", last.createdAt);
            params.put("id", last.id);
        }
        q.append(" order by n.createdAt desc, n.id desc");
        List<Notification> found = Notification.<Notification>find(q.toString(), params).page(0, limit + 1).list();
        boolean more = found.size() > limit;
        List<Notification> shown = more ? found.subList(0, limit) : found;
        return new NotificationPage(shown, more ? shown.get(limit - 1).id : null);
    }

    /** The notifications as list rows, each with its project's name and slug: one query for all of their projects. */
    public List<NotificationRow> rows(List<Notification> list) {
        Set<UUID> ids = list.stream().map(n -> n.projectId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, Object[]> projects = new HashMap<>();
        if (!ids.isEmpty()) {
            Notification.getEntityManager().createQuery("select p.id, p.name, p.slug from Project p where p.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> projects.put((UUID) row[0], row));
        }
        return list.stream().map(n -> {
            Object[] p = n.projectId == null ? null : projects.get(n.projectId);
            return new NotificationRow(n, p == null ? null : (String) p[1], p == null ? null : (String) p[2]);
        }).toList();
    }

    /** A page of notifications; {@code olderFrom} is the id to list older ones from, null on the last page. */
    public record NotificationPage(List<Notification> notifications, UUID olderFrom) {
    }

    /** Marks one of the account's notifications read; someone else's is 404. */
    @Transactional
    public Notification markRead(UUID accountId, UUID id) {
        return markRead(accountId, null, id);
    }

    /** The same, where one outside {@code projectId} (when given) is 404 as well. */
    @Transactional
    public Notification markRead(UUID accountId, UUID projectId, UUID id) {
        // An id that is not a UUID (from the MCP tool) arrives as null: findById(null) answered "Identifier may not be null".
        Notification n = id == null ? null : Notification.findById(id);
        if (n == null || !n.userId.equals(accountId) || (projectId != null && !projectId.equals(n.projectId))
                || n.projectId != null && Notification.count("from Notification n where n.id = :id and " + READABLE,
                        Map.of("id", n.id, "account", accountId)) == 0) {
            // A hidden notification (of a project the account left) is not shown by marking it read either.
            throw ApiException.notFound("No such notification");
        }
        if (n.readAt == null) {
            // At PostgreSQL's precision: the answer said nanoseconds the row never held, so marking it read again (or
            // listing it) answered another readAt for the same moment.
            n.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return n;
    }

    /**
     * Marks read, for everyone told, the unread requests of {@code type} in the project whose payload has {@code key} =
     * {@code value}: once one of them acted, the request asks nothing more of the others (an approved story's "waits
     * for your approval" stayed unread, asking for what was done). Answers how many.
     */
    @Transactional
    public int resolve(UUID projectId, String type, String key, Object value) {
        return QuerySpaces.touching(Notification.getEntityManager().createNativeQuery("UPDATE notifications SET read_at = ?1 "
                        + "WHERE project_id = ?2 AND type = ?3 AND read_at IS NULL AND payload ->> ?4 = ?5"), "notifications")
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(2, projectId).setParameter(3, type)
                .setParameter(4, key).setParameter(5, String.valueOf(value)).executeUpdate();
    }

    @Transactional
    public int markAllRead(UUID accountId) {
        return markAllRead(accountId, null);
    }

    /** Marks the account's unread notifications read, only those about {@code projectId} when given; answers how many. */
    @Transactional
    public int markAllRead(UUID accountId, UUID projectId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return projectId == null
                ? Notification.update("readAt = ?1 where userId = ?2 and readAt is null", now, accountId)
                : Notification.update("readAt = ?1 where userId = ?2 and projectId = ?3 and readAt is null", now, accountId, projectId);
    }
}
