package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Context items as records: adding text, a URL, a file or a screenshot (fields checked, type by content, size limited)
 * with what its analysis finds (or kept with its analysis pending while every turn is taken), listing them and counting
 * where they are referenced.
 */
@ApplicationScoped
public class ContextItemService {

    @Inject
    EntityManager em;

    @Inject
    ContextSources sources;

    @Inject
    Event<ContextSources.Removed> removed;

    @Inject
    DesignWork work;

    @Inject
    Event<ContextAnalysisWorker.Requested> requested;

    /**
     * Where a page or another feature used an item, and how many times ({@code uses} is null in references recorded
     * before uses were counted per target: one use each).
     */
    public record Reference(String kind, String id, String label, String at, Integer uses) {

        int count() {
            return uses == null ? 1 : uses;
        }
    }

    public record References(List<Reference> items) {
    }

    /** The largest file a member may upload, in bytes: callers read no more of an upload than this. */
    public long maxUploadBytes() {
        return sources.maxUploadBytes();
    }

    /** The context items shown a page at a time on their list. */
    static final int PAGE_SIZE = 50;

    /** The project's items, newest first, with who added them, in one query. */
    public List<ContextItemRow> rows(UUID projectId) {
        return rows(projectId, 0, Integer.MAX_VALUE);
    }

    /** A page of the project's items, newest first (asked for: kept between the first and the last), in two queries. */
    public ContextPage.Items page(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, ContextItem.count("projectId", projectId), PAGE_SIZE);
        return new ContextPage.Items(rows(projectId, at.offset(), PAGE_SIZE), at);
    }

    /**
     * A page of the project's items for the API, newest first, as many as on the list page; past the last page none, so a
     * script reading pages until one comes back short stops (the list page shows the last page instead).
     */
    public ContextPage.Items apiPage(UUID projectId, Integer page) {
        ContextPage.Items found = page(projectId, page);
        return page != null && page > found.at().pages() ? new ContextPage.Items(List.of(), found.at()) : found;
    }

    private List<ContextItemRow> rows(UUID projectId, int offset, int limit) {
        List<ContextItemRow> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select i, a.username from ContextItem i left join Account a on a.id = i.submittedBy "
                + "where i.projectId = :p order by i.submittedAt desc, i.id", Object[].class).setParameter("p", projectId)
                .setFirstResult(offset).setMaxResults(limit).getResultList()) {
            out.add(row((ContextItem) r[0], (String) r[1]));
        }
        return out;
    }

    /**
     * The items referenced by one target (a page, say), from the items' own reference lists, without another query per item;
     * each row counts the uses by this target (the item's own count takes every target's).
     */
    public List<ContextItemRow> referencedBy(UUID projectId, String kind, UUID target) {
        String id = target.toString();
        List<ContextItemRow> out = new ArrayList<>();
        for (ContextItem i : em.createQuery("select i from ContextItem i where i.projectId = :p order by i.submittedAt desc", ContextItem.class)
                .setParameter("p", projectId).getResultList()) {
            references(i).stream().filter(r -> kind.equals(r.kind()) && id.equals(r.id())).findFirst().ifPresent(r -> {
                ContextItemRow all = row(i, null);
                out.add(new ContextItemRow(all.id(), all.itemType(), all.contentUrl(), all.contentText(), all.categories(), all.tags(), r.count(),
                        Instant.parse(r.at()), all.submittedAt(), all.submittedContext(), null, all.metadata(), all.analysis(), all.analysing()));
            });
        }
        return out;
    }

    public ContextItem get(UUID projectId, UUID id) {
        if (id == null) {
            throw ApiException.notFound("No such context item in this project");
        }
        return ContextItem.<ContextItem>find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No such context item in this project"));
    }

    /** One of the project's items as its list shows it (without who added it). */
    public ContextItemRow row(UUID projectId, UUID id) {
        return row(get(projectId, id), null);
    }

    /**
     * Adds an item: checks its fields (422 naming each), its size (413) and, for screenshots, that the
     * content is a PNG, JPEG or WebP image; stores an upload's bytes; records the analysis.
     */
    @Transactional
    public ContextItem add(Access access, ContextItemInput in) {
        access.requireWrite(Role.MEMBER);
        String type = in.itemType() == null ? "" : in.itemType().strip().toLowerCase(Locale.ROOT);
        FormErrors errors = FormErrors.none();
        if (!ContextItem.TYPES.contains(type)) {
            errors.add("itemType", "Choose text, url, file or screenshot");
        }
        List<String> categories = in.categories() == null ? List.of() : in.categories().stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (categories.stream().anyMatch(c -> !ContextItem.CATEGORIES.contains(c))) {
            errors.add("categories", "Categories are " + String.join(", ", ContextItem.CATEGORIES));
        }
        List<String> tags = tags(in.tags());
        if (tags.size() > 20 || tags.stream().anyMatch(t -> dev.specboard.web.Chars.Check.over(t, 50))) {
            errors.add("tags", "At most 20 tags of at most 50 characters");
        }
        if (in.submittedContext() != null && dev.specboard.web.Chars.Check.over(in.submittedContext(), 5000)) {
            errors.add("submittedContext", "At most 5000 characters");
        }
        ContextItem item = new ContextItem();
        item.projectId = access.project().id;
        item.itemType = type;
        item.categories = new ArrayList<>(categories);
        item.tags = new ArrayList<>(tags);
        item.submittedContext = blankToNull(in.submittedContext());
        item.submittedBy = access.accountId();
        ContextAnalysis analysis = ContextAnalysis.none();
        ContextMetadata metadata = ContextMetadata.none();
        byte[] content = null;
        switch (type) {
            case "text" -> {
                if (in.text() == null || in.text().isBlank()) {
                    errors.add("text", "Write the text to keep");
                } else if (dev.specboard.web.Chars.Check.over(in.text(), 100_000)) {
                    errors.add("text", "At most 100000 characters");
                } else {
                    item.contentText = in.text().strip();
                    analysis = ContextContent.textAnalysis(item.contentText);
                }
            }
            case "url" -> {
                URI uri = uri(in.url());
                if (uri == null) {
                    errors.add("url", "Give a full http:// or https:// address");
                } else {
                    item.contentUrl = uri.toString();
                    boolean allowed = sources.fetchable(uri);
                    if (allowed) {
                        analysis = sources.fetch(uri, item);
                    } else {
                        analysis = ContextAnalysis.note("Stored, not fetched: " + uri.getHost() + " is not on the allow-list of hosts Specboard may fetch from.");
                    }
                    // Fetched when its text was kept: a note may also say that a long page was read in part.
                    metadata = new ContextMetadata(null, null, null, null, uri.getHost(), allowed && item.contentText != null);
                }
            }
            case "file", "screenshot" -> {
                if (in.content() == null || in.size() == 0) {
                    errors.add("file", "Choose a file to upload");
                    break;
                }
                if (in.size() > sources.maxUploadBytes()) {
                    throw new ApiException(413, "The file is " + megabytes(in.size()) + "; files may be at most " + megabytes(sources.maxUploadBytes()) + ".",
                            java.util.Map.of("file", "At most " + megabytes(sources.maxUploadBytes())));
                }
                content = in.content();
                Optional<String> image = ImageAnalyzer.format(content);
                if (type.equals("screenshot") && image.isEmpty()) {
                    errors.add("file", "A screenshot must be a PNG, JPEG or WebP image; this file's content is not one"
                            + (in.fileName() == null ? "" : " (whatever its name, " + in.fileName() + ", says)") + ".");
                    break;
                }
                String contentType;
                if (image.isPresent()) {
                    contentType = ImageAnalyzer.contentType(image.get());
                    analysis = analysedNowOrKept(item, content, contentType);
                } else {
                    String text = ContextContent.utf8(content);
                    if (text != null && ContextContent.looksLikeHtml(text, in.fileName())) {
                        contentType = "text/html";
                        analysis = analysedNowOrKept(item, content, contentType);
                    } else if (text != null) {
                        analysis = ContextContent.textAnalysis(text);
                        contentType = "text/plain";
                    } else {
                        analysis = ContextAnalysis.note("A binary file that is not a PNG, JPEG or WebP image: stored, not analysed.");
                        contentType = "application/octet-stream";
                    }
                }
                metadata = new ContextMetadata(safeName(in.fileName()), in.size(), contentType, sha256(content), null, null);
            }
            default -> {
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        item.aiAnalysis = DesignJson.write(analysis);
        item.contentMetadata = DesignJson.write(metadata);
        item.persist();
        em.flush();
        if (content != null) {
            item.storageKey = item.projectId + "/" + item.id;
            item.contentUrl = "/projects/" + access.slug() + "/context/" + item.id + "/file";
            sources.write(item.storageKey, content);
        }
        if (item.analysisPendingSince != null) {
            requested.fire(new ContextAnalysisWorker.Requested(item.id));
        }
        return item;
    }

    /**
     * A picture decoded or an HTML file parsed in a turn of its own (a WebP screenshot is a raster of up to ~50 MB while it
     * is read), if one is free now; when every turn is taken the item is kept all the same, its analysis pending for
     * {@link ContextAnalysisWorker}: waiting here made the upload answer 503 busy, and the person lost the file they chose.
     */
    private ContextAnalysis analysedNowOrKept(ContextItem item, byte[] content, String contentType) {
        Optional<dev.specboard.kernel.HeavyWork.Turn> turn = work.contextAnalyses().turnIfFree();
        if (turn.isEmpty()) {
            item.analysisPendingSince = Instant.now();
            return ContextAnalysis.pending();
        }
        try (dev.specboard.kernel.HeavyWork.Turn ignored = turn.get()) {
            return ContextAnalysisWorker.analyse(content, contentType);
        }
    }

    /** Deletes an item; its uploaded file leaves the store once the deletion is committed. */
    @Transactional
    public void delete(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        ContextItem item = get(access.project().id, id);
        // The lock a concurrent reference() takes first: a use counted at that moment is not lost to a stale read.
        em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
        String key = item.storageKey;
        item.delete();
        if (key != null) {
            // Removed after the commit: a deletion rolled back keeps its item, and the item needs its file.
            removed.fire(new ContextSources.Removed(key));
        }
    }

    /** Counts one use of an item by a target (a page...); the item lists each target once with its latest use. */
    @Transactional
    public ContextItem reference(Access access, UUID itemId, String kind, UUID target, String label) {
        access.requireWrite(Role.MEMBER);
        ContextItem item = get(access.project().id, itemId);
        em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
        if ("page".equals(kind) && em.createQuery("select count(p) from Page p where p.id = :id", Long.class).setParameter("id", target).getSingleResult() == 0) {
            // Deleted while this use waited for the item's lock (the deletion forgets its uses under the same lock).
            throw ApiException.notFound("No such page in this project");
        }
        List<Reference> refs = new ArrayList<>(references(item));
        int before = refs.stream().filter(r -> kind.equals(r.kind()) && target.toString().equals(r.id())).mapToInt(Reference::count).sum();
        refs.removeIf(r -> kind.equals(r.kind()) && target.toString().equals(r.id()));
        refs.add(new Reference(kind, target.toString(), label, Instant.now().toString(), before + 1));
        item.referencedIn = DesignJson.write(refs);
        item.timesReferenced++;
        item.lastReferencedAt = Instant.now();
        return item;
    }

    /**
     * Forgets a deleted target (a page...) in the items that used it: its uses no longer count, it is no longer listed,
     * and the last use is the latest of the others. Called in the deletion's transaction.
     */
    public void forget(UUID projectId, String kind, UUID target) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from user_context_items where project_id = ?1 and referenced_in @> cast(?2 as jsonb) order by id", UUID.class)
                .setParameter(1, projectId).setParameter(2, DesignJson.write(List.of(Map.of("kind", kind, "id", target.toString())))).getResultList();
        for (UUID id : ids) {
            ContextItem item = em.find(ContextItem.class, id);
            em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
            List<Reference> refs = new ArrayList<>(references(item));
            int gone = refs.stream().filter(r -> kind.equals(r.kind()) && target.toString().equals(r.id())).mapToInt(Reference::count).sum();
            refs.removeIf(r -> kind.equals(r.kind()) && target.toString().equals(r.id()));
            item.referencedIn = DesignJson.write(refs);
            // With no use left the count is 0 even where earlier uses of one target were not counted apart.
            item.timesReferenced = refs.isEmpty() ? 0 : Math.max(refs.stream().mapToInt(Reference::count).sum(), item.timesReferenced - gone);
            item.lastReferencedAt = refs.stream().map(r -> Instant.parse(r.at())).max(Instant::compareTo).orElse(null);
        }
    }

    static List<Reference> references(ContextItem i) {
        String json = i.referencedIn == null || i.referencedIn.isBlank() ? "[]" : i.referencedIn;
        References r = DesignJson.read("{\"items\":" + json + "}", References.class, null);
        return r == null || r.items() == null ? List.of() : r.items();
    }

    private ContextItemRow row(ContextItem i, String by) {
        return new ContextItemRow(i.id, i.itemType, i.contentUrl, i.contentText, List.copyOf(i.categories), List.copyOf(i.tags), i.timesReferenced,
                i.lastReferencedAt, i.submittedAt, i.submittedContext, by, i.metadata(), i.analysis(), i.analysisPendingSince != null);
    }

    static List<String> tags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList();
    }

    static URI uri(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : base.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ' ? c : '_');
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? "upload" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576d);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
