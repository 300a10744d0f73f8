package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.notification.Mentions;
import dev.specboard.project.Access;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.ManifestFiles;
import dev.specboard.repo.FileChange;
import dev.specboard.repo.FileView;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.ManifestCreated;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Markdown;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Opens review threads on file lines, adds and edits comments, resolves threads and keeps them anchored. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);
    static final int MAX_BODY = 65536;

    @Inject
    FileBrowserService files;

    @Inject
    ManifestFiles manifests;

    @Inject
    GitMirror mirror;

    @Inject
    Markdown markdown;

    @Inject
    LinesRead linesRead;

    @Inject
    EntityManager em;

    @Inject
    Event<ThreadCommented> commented;

    @Inject
    Event<ThreadResolved> resolved;

    /** A filter of the review page; null fields do not filter. */
    public record Filter(ThreadState state, String path, String author) {
    }

    /** Threads anchored to a file, with comments and authors, in two queries whatever their number. */
    public List<ThreadView> threadsForFile(Repo repo, String path) {
        List<CommentThread> threads = CommentThread.list("repositoryId = ?1 and filePath = ?2 order by lineStart, createdAt", repo.id, path);
        return views(threads);
    }

    /** The repository's threads matching the filter, newest activity first (at most 500). */
    public List<ThreadView> threads(Repo repo, Filter filter) {
        StringBuilder q = new StringBuilder("from CommentThread t where t.repositoryId = :repo");
        Map<String, Object> params = new HashMap<>();
        params.put("repo", repo.id);
        if (filter.state() != null) {
            q.append(" and t.state = :state");
            params.put("state", filter.state());
        }
        if (filter.path() != null && !filter.path().isBlank()) {
            q.append(" and (t.filePath = :path or t.filePath like :prefix escape '\\')");
            String p = filter.path().trim().replaceAll("^/+|/+$", "");
            params.put("path", p);
            params.put("prefix", p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            q.append(" and t.createdBy in (select a.id from Account a where lower(a.username) = :author)");
            params.put("author", filter.author().trim().toLowerCase());
        }
        q.append(" order by t.updatedAt desc");
        var query = em.createQuery(q.toString(), CommentThread.class).setMaxResults(500);
        params.forEach(query::setParameter);
        return views(query.getResultList());
    }

    public ThreadView thread(UUID threadId) {
        return views(List.of(CommentThread.<CommentThread>findById(threadId))).get(0);
    }

    private List<ThreadView> views(List<CommentThread> threads) {
        if (threads.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = threads.stream().map(t -> t.id).toList();
        Map<UUID, List<CommentView>> byThread = new HashMap<>();
        List<Object[]> rows = em.createQuery("select c, a.username, a.name from Comment c left join Account a on a.id = c.authorId "
                + "where c.threadId in :ids order by c.createdAt, c.id", Object[].class).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            Comment c = (Comment) row[0];
            byThread.computeIfAbsent(c.threadId, k -> new ArrayList<>()).add(new CommentView(c.id, c.authorId, (String) row[1],
                    (String) row[2], c.authorType, c.body, markdown.render(c.body), c.createdAt, c.edited, c.version));
        }
        return threads.stream().map(t -> new ThreadView(t.id, t.filePath, t.lineStart, t.lineEnd, t.state, t.snippet,
                t.manifestVersion, t.originalFilePath, t.originalLineStart, t.originalLineEnd, t.originalManifestVersion,
                t.createdAt, t.updatedAt, byThread.getOrDefault(t.id, List.of()))).toList();
    }

    /** The thread by id within the project, or 404. */
    public CommentThread require(Access access, UUID threadId) {
        CommentThread t = threadId == null ? null : CommentThread.findById(threadId);
        if (t == null || !t.projectId.equals(access.project().id)) {
            throw ApiException.notFound("No such thread");
        }
        return t;
    }

    /**
     * Opens a thread on lines of the latest version of a file with its first comment; notifies mentioned people. Lines
     * read in an older manifest version ({@code manifestVersion}) are carried to the latest one, or refused (409) when
     * they changed.
     */
    @Transactional
    public ThreadView open(Access access, Repo repo, NewThreadForm form, Comment.AuthorType authorType) {
        access.requireWrite(Role.REVIEWER);
        FormErrors errors = FormErrors.none();
        if (form.path() == null || form.path().isBlank()) {
            // Checked before the file is looked for: {} was answered 404 "No file  in app", as if a file were gone.
            errors.add("path", "Name the file, like src/App.java");
            parseLine(form.lineStart(), "lineStart", errors);
            checkBody(form.body(), errors);
            throw new ValidationException(errors);
        }
        Integer read = linesRead.version(repo, form.manifestVersion());
        FileView file = files.file(repo, form.path(), read);
        if (!file.shown()) {
            throw ValidationException.of("path", "This file cannot be commented line by line: " + file.notice());
        }
        if (file.empty()) {
            // "Choose a line between 1 and 0" asked for what cannot be given.
            errors.add("lineStart", "This file is empty: it has no lines to comment on");
            checkBody(form.body(), errors);
            throw new ValidationException(errors);
        }
        int start = parseLine(form.lineStart(), "lineStart", errors);
        int end = form.lineEnd() == null || form.lineEnd().isBlank() ? start : parseLine(form.lineEnd(), "lineEnd", errors);
        int count = file.lineCount();
        if (!errors.has("lineStart") && (start < 1 || start > count)) {
            errors.add("lineStart", "Choose a line between 1 and " + count);
        }
        if (!errors.has("lineEnd") && !errors.has("lineStart") && (end < start || end > count)) {
            errors.add("lineEnd", "Choose a line between " + start + " and " + count);
        }
        checkBody(form.body(), errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        FileView readFile = file;
        int readStart = start;
        int readEnd = end;
        if (!file.latest()) {
            LinesRead.Landed landed = linesRead.carry(repo, file, start, end);
            file = landed.file();
            start = landed.lineStart();
            end = landed.lineEnd();
        }
        CommentThread t = new CommentThread();
        t.projectId = access.project().id;
        t.repositoryId = repo.id;
        t.filePath = file.entry().path();
        t.lineStart = start;
        t.lineEnd = end;
        t.manifestVersion = file.manifestVersion();
        t.blobSha = file.entry().blobSha();
        t.snippet = LinesRead.snippet(file.lines(), start, end);
        // Where its author read the lines: a thread carried from an older version shows where it was written.
        t.originalFilePath = readFile.entry().path();
        t.originalLineStart = readStart;
        t.originalLineEnd = readEnd;
        t.originalManifestVersion = readFile.manifestVersion();
        t.createdBy = access.accountId();
        t.persist();
        Comment c = addComment(t, access.accountId(), authorType, form.body());
        commented.fire(new ThreadCommented(t.projectId, t.id, c.id, access.accountId(), Set.of(), Mentions.parse(c.body),
                c.authorType == Comment.AuthorType.AI));
        return thread(t.id);
    }

    /** Adds a reply; earlier participants and mentioned people are notified. */
    @Transactional
    public ThreadView reply(Access access, UUID threadId, CommentForm form, Comment.AuthorType authorType) {
        access.requireWrite(Role.REVIEWER);
        CommentThread t = require(access, threadId);
        FormErrors errors = FormErrors.none();
        checkBody(form.body(), errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Set<UUID> participants = participants(t);
        participants.remove(access.accountId());
        Comment c = addComment(t, access.accountId(), authorType, form.body());
        // Without the thread's version: a reply changes no one's view of the thread, and counting it as an edit made
        // two replies at the same moment refuse each other (409) and a reply during a sync fail the sync's re-anchoring.
        em.createQuery("update CommentThread set updatedAt = :now where id = :id").setParameter("now", Instant.now())
                .setParameter("id", t.id).executeUpdate();
        em.refresh(t);
        commented.fire(new ThreadCommented(t.projectId, t.id, c.id, access.accountId(), participants, Mentions.parse(c.body),
                c.authorType == Comment.AuthorType.AI));
        return thread(t.id);
    }

    /**
     * Changes one's own comment and marks it edited, if it is still at the version the edit started from: two tabs of
     * its author saving in turn no longer lose the first save silently (409 with both texts).
     */
    @Transactional
    public ThreadView edit(Access access, UUID commentId, CommentForm form) {
        Comment c = ownComment(access, commentId);
        FormErrors errors = FormErrors.none();
        checkBody(form.body(), errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        StaleVersionException.requireGiven("version", form.version());
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        StaleVersionException.requireSaved("The comment", form.version(), c.version);
        if (form.version() != c.version) {
            throw new StaleVersionException("The comment", form.version(), c.version, Map.of("body", c.body),
                    Map.of("body", form.body()), StaleVersionException.BY_YOU);
        }
        c.body = form.body().strip();
        c.edited = true;
        c.version++;
        return thread(c.threadId);
    }

    /** Deletes one's own comment; a thread left without comments goes with it. Answers the thread, or null when it went. */
    @Transactional
    public ThreadView deleteComment(Access access, UUID commentId) {
        Comment c = ownComment(access, commentId);
        UUID threadId = c.threadId;
        c.delete();
        em.flush();
        if (Comment.count("threadId", threadId) == 0) {
            CommentThread.deleteById(threadId);
            return null;
        }
        return thread(threadId);
    }

    /** The thread's comment to go back to after deleting one (its id and where it lives), read before deleting. */
    public CommentThread threadOfComment(Access access, UUID commentId) {
        Comment c = commentId == null ? null : Comment.findById(commentId);
        if (c == null) {
            throw ApiException.notFound("No such comment");
        }
        return require(access, c.threadId);
    }

    @Transactional
    public ThreadView resolve(Access access, UUID threadId) {
        access.requireWrite(Role.REVIEWER);
        CommentThread t = require(access, threadId);
        t.resolve(access.accountId());
        Set<UUID> participants = participants(t);
        participants.remove(access.accountId());
        resolved.fire(new ThreadResolved(t.projectId, t.id, access.accountId(), participants));
        return thread(t.id);
    }

    /** Reopens a thread: open at its lines when the file is unchanged since its anchor, outdated otherwise. */
    @Transactional
    public ThreadView reopen(Access access, UUID threadId) {
        access.requireWrite(Role.REVIEWER);
        CommentThread t = require(access, threadId);
        boolean valid = manifests.latest(t.repositoryId)
                .flatMap(m -> manifests.files(m).get(t.filePath))
                .map(f -> f.blobSha().equals(t.blobSha))
                .orElse(false);
        t.reopen(valid);
        return thread(t.id);
    }

    /**
     * After a sync wrote a new manifest, moves every open thread of a changed file with its lines or
     * marks it outdated; runs inside the sync's transaction.
     */
    void reanchor(@Observes ManifestCreated event) {
        List<CommentThread> open = CommentThread.list("repositoryId = ?1 and state = ?2 and manifestVersion < ?3",
                event.repoId(), ThreadState.OPEN, event.manifestVersion());
        if (open.isEmpty()) {
            return;
        }
        Repo repo = Repo.findById(event.repoId());
        Map<String, ManifestEntry> now = manifests.files(manifests.version(event.repoId(), event.manifestVersion()).orElseThrow()).byPath();
        Map<Integer, List<CommentThread>> byVersion = open.stream().collect(Collectors.groupingBy(t -> t.manifestVersion));
        for (Map.Entry<Integer, List<CommentThread>> group : byVersion.entrySet()) {
            String oldCommit = manifests.version(repo.id, group.getKey()).map(ManifestFiles.Head::commitSha).orElse(null);
            Set<String> paths = group.getValue().stream().map(t -> t.filePath).collect(Collectors.toSet());
            Map<String, FileChange> changes;
            try {
                changes = oldCommit == null ? Map.of() : mirror.changes(repo, oldCommit, event.commitSha(), paths);
            } catch (GitProblem e) {
                // The old commit can be gone (history rewritten, mirror cloned afresh). Failing here would roll back
                // this sync and every later one; lines that cannot be followed are outdated instead, once.
                LOG.warnf("%d review threads of %s on manifest v%d are outdated: %s", group.getValue().size(), repo.name,
                        group.getKey(), e.getMessage());
                group.getValue().forEach(CommentThread::outdate);
                continue;
            }
            for (CommentThread t : group.getValue()) {
                FileChange change = changes.get(t.filePath);
                if (change == null) {
                    ManifestEntry same = now.get(t.filePath);
                    change = same != null && (oldCommit != null || same.blobSha().equals(t.blobSha))
                            ? FileChange.unchanged(t.filePath) : FileChange.deleted(t.filePath);
                }
                LineAnchor.Outcome outcome = LineAnchor.reanchor(t.lineStart, t.lineEnd, change);
                if (outcome instanceof LineAnchor.Moved moved && now.containsKey(moved.path())) {
                    t.moveTo(moved.path(), moved.lineStart(), moved.lineEnd(), event.manifestVersion(), now.get(moved.path()).blobSha());
                } else {
                    t.outdate();
                    LOG.debugf("Thread %s outdated: %s", t.id, outcome);
                }
            }
        }
    }

    private Comment addComment(CommentThread t, UUID authorId, Comment.AuthorType type, String body) {
        Comment c = new Comment();
        c.threadId = t.id;
        c.authorId = authorId;
        c.authorType = type == null ? Comment.AuthorType.USER : type;
        c.body = body.strip();
        c.persist();
        return c;
    }

    private Set<UUID> participants(CommentThread t) {
        Set<UUID> ids = new LinkedHashSet<>(em.createQuery("select distinct c.authorId from Comment c where c.threadId = ?1 and c.authorId is not null",
                UUID.class).setParameter(1, t.id).getResultList());
        if (t.createdBy != null) {
            ids.add(t.createdBy);
        }
        return ids;
    }

    private Comment ownComment(Access access, UUID commentId) {
        access.requireWrite(Role.REVIEWER);
        Comment c = commentId == null ? null : Comment.findById(commentId);
        if (c == null) {
            throw ApiException.notFound("No such comment");
        }
        require(access, c.threadId);
        if (!access.accountId().equals(c.authorId) || c.authorType != Comment.AuthorType.USER) {
            throw ApiException.forbidden("Only its author can change or delete a comment.");
        }
        return c;
    }

    private static int parseLine(String value, String field, FormErrors errors) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "Enter a line number");
            return 0;
        }
    }

    private static void checkBody(String body, FormErrors errors) {
        if (body == null || body.isBlank()) {
            errors.add("body", "Write a comment");
        } else if (dev.specboard.web.Chars.Check.over(body, MAX_BODY)) {
            errors.add("body", "At most " + MAX_BODY + " characters");
        }
    }
}
