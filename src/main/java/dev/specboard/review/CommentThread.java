package dev.specboard.review;

import dev.specboard.web.ApiException;
import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A review thread anchored to lines of a file of a manifest version (seed 003 {@code comment_threads}). */
@Entity
@Table(name = "comment_threads")
public class CommentThread extends TimestampedEntity {

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "repository_id")
    public UUID repositoryId;

    @Column(name = "file_path")
    public String filePath;

    @Column(name = "line_start")
    public int lineStart;

    @Column(name = "line_end")
    public int lineEnd;

    @Column(name = "manifest_version")
    public int manifestVersion;

    @Column(name = "blob_sha")
    public String blobSha;

    public String snippet = "";

    @Convert(converter = ThreadState.Converter.class)
    public ThreadState state = ThreadState.OPEN;

    @Column(name = "original_file_path")
    public String originalFilePath;

    @Column(name = "original_line_start")
    public int originalLineStart;

    @Column(name = "original_line_end")
    public int originalLineEnd;

    @Column(name = "original_manifest_version")
    public int originalManifestVersion;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "resolved_by")
    public UUID resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public int version;

    public void resolve(UUID by) {
        if (state == ThreadState.RESOLVED) {
            throw ApiException.conflict("This thread is already resolved.");
        }
        state = ThreadState.RESOLVED;
        resolvedBy = by;
        resolvedAt = Instant.now();
    }

    /** Reopens a resolved thread: open at its lines if the file is still the same blob, outdated otherwise. */
    public void reopen(boolean anchorStillValid) {
        if (state != ThreadState.RESOLVED) {
            throw ApiException.conflict("Only a resolved thread can be reopened.");
        }
        state = anchorStillValid ? ThreadState.OPEN : ThreadState.OUTDATED;
        resolvedBy = null;
        resolvedAt = null;
    }

    public void moveTo(String path, int start, int end, int manifestVersion, String blobSha) {
        this.filePath = path;
        this.lineStart = start;
        this.lineEnd = end;
        this.manifestVersion = manifestVersion;
        this.blobSha = blobSha;
    }

    public void outdate() {
        state = ThreadState.OUTDATED;
    }
}
