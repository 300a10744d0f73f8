package dev.specboard.review;

import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.FileChange;
import dev.specboard.repo.FileView;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries lines that a thread's author read in an older manifest to the latest one, through the same {@link LineAnchor}
 * that moves open threads after a sync: an agent that read a file, then saw two lines pushed above its range, anchored
 * its thread on the wrong code. Lines that changed or went are refused (409) with what they read now.
 */
@ApplicationScoped
public class LinesRead {

    @Inject
    FileBrowserService files;

    @Inject
    GitMirror mirror;

    /** The lines read changed or went since: 409 with what they read then and what the same lines read now. */
    public static final class Changed extends ApiException {
        Changed(String message, Map<String, Object> details) {
            super(409, message, details);
        }
    }

    /** The lines a thread shows with it: at most 50 of the range, at most 10,000 characters. */
    static String snippet(List<String> lines, int start, int end) {
        int last = Math.min(end, start + 50 - 1);
        String s = String.join("\n", lines.subList(start - 1, last));
        return s.length() > 10_000 ? s.substring(0, 10_000) : s;
    }

    /** Where the range now is: the latest file and its lines. */
    public record Landed(FileView file, int lineStart, int lineEnd) {
    }

    /** The lines {@code start..end} of {@code read} (a file of an older manifest) in the latest manifest, or 409. */
    public Landed carry(Repo repo, FileView read, int start, int end) {
        String path = read.entry().path();
        FileView latest = latestOrNull(repo, path);
        if (latest != null && latest.entry().blobSha().equals(read.entry().blobSha())) {
            return new Landed(latest, start, end);
        }
        FileChange change;
        try {
            String newCommit = latest == null ? files.manifest(repo, null).commitSha() : latest.commitSha();
            change = mirror.changes(repo, read.commitSha(), newCommit, Set.of(path)).get(path);
        } catch (GitProblem e) {
            throw stale(read, start, end, latest, "its history since version " + read.manifestVersion()
                    + " cannot be followed (" + e.getMessage() + ")");
        }
        if (change == null) {
            change = latest == null ? FileChange.deleted(path) : FileChange.unchanged(path);
        }
        LineAnchor.Outcome outcome = LineAnchor.reanchor(start, end, change);
        if (outcome instanceof LineAnchor.Moved moved) {
            FileView now = moved.path().equals(path) ? latest : latestOrNull(repo, moved.path());
            if (now != null && now.shown() && moved.lineEnd() <= now.lineCount()) {
                return new Landed(now, moved.lineStart(), moved.lineEnd());
            }
            throw stale(read, start, end, now, "the file cannot be shown line by line any more");
        }
        throw stale(read, start, end, latest, ((LineAnchor.Outdated) outcome).reason().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The manifest version the lines were read from, or null for the latest: a version the repository never had is 422
     * naming the field (a later one than the latest too: nobody read it).
     */
    public Integer version(Repo repo, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int latest = files.manifest(repo, null).version();
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw dev.specboard.web.ValidationException.of("manifestVersion", "Enter the manifest version you read the file from, a whole number");
        }
        if (v < 1 || v > latest) {
            throw dev.specboard.web.ValidationException.of("manifestVersion", "The repository has no manifest version " + v + ": it is at version " + latest);
        }
        return v == latest ? null : v;
    }

    private FileView latestOrNull(Repo repo, String path) {
        try {
            return files.file(repo, path, null);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** 409 naming what happened to the lines, with the lines read and what the same lines of the latest version hold. */
    private static Changed stale(FileView read, int start, int end, FileView latest, String why) {
        String range = start == end ? "line " + start : "lines " + start + "-" + end;
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("manifestVersion", latest == null ? null : latest.manifestVersion());
        current.put("path", latest == null ? null : latest.entry().path());
        current.put("snippet", latest == null || !latest.shown() || start > latest.lineCount() ? ""
                : snippet(latest.lines(), start, Math.min(end, latest.lineCount())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manifestVersion", "You read " + range + " of " + read.entry().path() + " at version " + read.manifestVersion()
                + "; " + why + ".");
        details.put("yours", Map.of("manifestVersion", read.manifestVersion(), "lineStart", start, "lineEnd", end,
                "snippet", snippet(read.lines(), start, end)));
        details.put("current", current);
        return new Changed("The " + range + " you read in " + read.entry().path() + " (version " + read.manifestVersion()
                + ") changed since: " + why + ". Read the file again and comment on its current lines.", details);
    }
}
