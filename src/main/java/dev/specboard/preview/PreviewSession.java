package dev.specboard.preview;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A preview link (seed 003): a static bundle of a project's mockups (or one page's) behind an
 * unguessable token (only its hash is stored), {@code PENDING → READY} while it lives, then moved by the cleanup through
 * {@code EXPIRED → SOFT_DELETED → PURGED}.
 */
@Entity
@Table(name = "preview_sessions")
public class PreviewSession extends TimestampedEntity {

    public static final String PENDING = "PENDING";
    public static final String READY = "READY";
    public static final String EXPIRED = "EXPIRED";
    public static final String SOFT_DELETED = "SOFT_DELETED";
    public static final String PURGED = "PURGED";
    public static final List<String> STAGES = List.of(EXPIRED, SOFT_DELETED, PURGED);

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "page_id")
    public UUID pageId;

    /** What the link is made from, with the installation's key (see {@code PreviewService.link}); no link by itself. */
    @Column(name = "token_seed", nullable = false, updatable = false)
    public String tokenSeed;

    /** The SHA-256 of the link's token, by which a visitor's link finds the preview. */
    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    public String status = PENDING;

    @Column(name = "bundle_path")
    public String bundlePath;

    @Column(name = "page_count")
    public int pageCount;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public UUID revokedBy;

    @Column(name = "created_by")
    public UUID createdBy;

    /** The API token the lead made the link with, if any: its revocation closes the link (see {@code PreviewService.open}). */
    @Column(name = "token_id", updatable = false)
    public UUID tokenId;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "soft_deleted_at")
    public Instant softDeletedAt;

    @Column(name = "purged_at")
    public Instant purgedAt;

    /**
     * Makes the project's preview creations take turns until the transaction ends (across app instances), so that two at once
     * cannot both count the open links under the cap and both make one.
     */
    public static void lockProject(UUID projectId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('preview_sessions:' || cast(?1 as text)))")
                .setParameter(1, projectId).getSingleResult();
    }

    /**
     * The project's links still open at {@code now} (pending or ready, not revoked, not expired, not made through an API token
     * revoked since): what the cap on open links counts, as the list shows them open.
     */
    public static long countOpen(UUID projectId, Instant now) {
        return getEntityManager().createQuery("select count(s) from PreviewSession s where s.projectId = :p and s.status in (:live) "
                        + "and s.revokedAt is null and s.expiresAt > :now and (s.tokenId is null "
                        + "or exists (select 1 from ApiToken t where t.id = s.tokenId and t.revokedAt is null))", Long.class)
                .setParameter("p", projectId).setParameter("live", List.of(PENDING, READY)).setParameter("now", now).getSingleResult();
    }

    /** Anyone with the link may see it: ready, not revoked, not expired. */
    public boolean open(Instant now) {
        return READY.equals(status) && revokedAt == null && expiresAt.isAfter(now);
    }

    /**
     * The status as of {@code now}: a live preview (PENDING or READY) whose expiry has passed is EXPIRED at once, as its
     * link already answers 404, rather than READY until the cleanup next runs and records the stage.
     */
    public String statusAt(Instant now) {
        boolean live = PENDING.equals(status) || READY.equals(status);
        return live && expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : status;
    }

    /**
     * The status as of {@code now} as the list and the API show it: as {@link #statusAt(Instant)}, and a live preview whose
     * API token was revoked ({@code tokenLive} false) is EXPIRED at once too, its link closed with the token, rather than
     * READY until the cleanup's next pass records the stage.
     */
    public String statusAt(Instant now, boolean tokenLive) {
        String at = statusAt(now);
        return !tokenLive && (PENDING.equals(at) || READY.equals(at)) ? EXPIRED : at;
    }

    /**
     * Ends the preview now: the link answers 404 at once and it is EXPIRED from this moment (the caller records that stage,
     * see {@code PreviewService.revoke}); the cleanup moves it through the later stages.
     */
    public void revoke(UUID by, Instant now) {
        if (!open(now) && !PENDING.equals(status)) {
            // Until the cleanup runs, an ended preview is still READY: say how it ended, not its status.
            throw dev.specboard.web.ApiException.conflict(revokedAt != null ? "This preview was already revoked; its link no longer opens."
                    : "This preview has already expired; its link no longer opens.");
        }
        revokedAt = now;
        revokedBy = by;
        expiresAt = now;
        status = EXPIRED;
        expiredAt = now;
    }
}
