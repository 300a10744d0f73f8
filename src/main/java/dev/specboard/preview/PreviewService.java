package dev.specboard.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiToken;
import dev.specboard.account.CurrentUser;
import dev.specboard.account.SessionCookie;
import dev.specboard.design.MockupDocument;
import dev.specboard.design.MockupService;
import dev.specboard.design.Page;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.Secrets;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Preview links: a lead renders the current mockups (all, or one page's) into a static bundle under the
 * data directory behind a 256-bit token; anyone with the link sees it until it expires or is revoked.
 */
@ApplicationScoped
public class PreviewService {

    private static final Logger LOG = Logger.getLogger(PreviewService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    MockupService mockups;

    @Inject
    SessionCookie keys;

    @Inject
    CurrentUser currentUser;

    @ConfigProperty(name = "specboard.data-dir", defaultValue = "data")
    String dataDir;

    @ConfigProperty(name = "specboard.previews.max-hours", defaultValue = "720")
    int maxHours;

    @ConfigProperty(name = "specboard.previews.max-open", defaultValue = "20")
    int maxOpen;

    /**
     * Creates a preview: the row as PENDING, the bundle rendered to files, then READY. 422 for hours out of
     * range, an unknown page, nothing to show, or a project that already has its most open links (each copies the mockups
     * to disk, so without a cap one lead could fill it).
     */
    public PreviewSession create(Access access, PreviewForm form) {
        access.requireWrite(Role.LEAD);
        int hours = hours(form.hours());
        if (hours < 1 || hours > maxHours) {
            throw ValidationException.of("hours", "A preview lives between 1 and " + maxHours + " hours");
        }
        UUID projectId = access.project().id;
        Page page = null;
        if (form.page() != null && !form.page().isBlank()) {
            String ref = form.page().strip();
            Optional<Page> found = ref.startsWith("/") ? Page.byPath(projectId, ref) : Page.inProject(projectId, uuid(ref));
            page = found.orElseThrow(() -> ValidationException.of("page", "There is no page " + ref + " in this project"));
        }
        List<MockupService.CurrentMockup> current = mockups.current(projectId, page == null ? null : page.id);
        if (current.isEmpty()) {
            throw ValidationException.of("page", page == null ? "No page has a mockup yet: there is nothing to preview."
                    : "The page " + page.name + " has no mockup yet.");
        }
        UUID pageId = page == null ? null : page.id;
        String seed = token();
        UUID tokenId = io.quarkus.arc.Arc.container().requestContext().isActive() ? currentUser.tokenId().orElse(null) : null;
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            PreviewSession.lockProject(projectId);
            if (PreviewSession.countOpen(projectId, Instant.now()) >= maxOpen) {
                // On the page field, as "nothing to preview" is: what stands in the way of the link, on every door's form.
                throw ValidationException.of("page", "This project already has " + maxOpen + " open preview links, the most it may have: "
                        + "revoke one to create another.");
            }
            PreviewSession s = new PreviewSession();
            s.projectId = projectId;
            s.pageId = pageId;
            s.tokenSeed = seed;
            s.tokenHash = Secrets.hash(link(seed));
            s.expiresAt = Instant.now().plus(Duration.ofHours(hours));
            s.createdBy = access.accountId();
            s.tokenId = tokenId;
            s.pageCount = current.size();
            s.persist();
            em.flush();
            int position = 1;
            for (MockupService.CurrentMockup m : current) {
                // A page deleted meanwhile is left out (its row would name nothing); its bundle page is never shown.
                QuerySpaces.touching(em.createNativeQuery("insert into preview_pages (preview_session_id, position, page_id) "
                        + "select ?1, ?2, p.id from pages p where p.id = ?3"), "preview_pages")
                        .setParameter(1, s.id).setParameter(2, position++).setParameter(3, m.pageId()).executeUpdate();
            }
            return s.id;
        });
        Path bundle = bundle(id);
        try {
            render(bundle, access.project().name, current);
        } catch (IOException | RuntimeException e) {
            throw failed(id, bundle, e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            PreviewSession s = PreviewSession.findById(id);
            s.bundlePath = bundle.toString();
            if (PreviewSession.PENDING.equals(s.status)) { // revoked while its files were written: it stays ended
                s.status = PreviewSession.READY;
            }
            return s;
        });
    }

    /** The hours as typed; none counts as 0 (out of range), anything but a whole number is refused as such. */
    private int hours(String typed) {
        String h = typed == null ? "" : typed.strip();
        if (h.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(h);
        } catch (NumberFormatException e) {
            throw ValidationException.of("hours", "Enter a whole number of hours, between 1 and " + maxHours);
        }
    }

    /**
     * A bundle that could not be written: its partial directory is removed and the preview ends at once, so the cleanup
     * records its stages (and deletes whatever the removal here left); answers the 503 to throw, the detail goes to the log.
     */
    private ApiException failed(UUID id, Path bundle, Exception e) {
        LOG.warnf("The bundle of preview %s could not be written to %s: %s", id, bundle, e.toString());
        try {
            PreviewCleanup.delete(bundle);
        } catch (UncheckedIOException gone) {
            LOG.warnf("The partial bundle of preview %s stays until the cleanup purges it: %s", id, gone.getCause().toString());
        }
        QuarkusTransaction.requiringNew().run(() -> PreviewSession.<PreviewSession>findById(id).expiresAt = Instant.now());
        return new ApiException(503, "The preview's files could not be written on the server; try again later.");
    }

    /**
     * Ends a preview before its time (a lead); its link answers 404 from now on. Every revoke (page, API, MCP tool) comes
     * here, so each records its EXPIRED stage at once: a revoked preview read EXPIRED with no stage until the cleanup ran.
     */
    @Transactional
    public PreviewSession revoke(Access access, UUID id) {
        // Archived or not: archiving freezes the project's content, not the links it gave out.
        access.requireCloseAccess(Role.LEAD);
        // Locked before reading: two revokes at once both read it open and both answered 200; the second now waits for
        // the first to commit and reads it revoked (409).
        PreviewSession s = id == null ? null : PreviewSession.<PreviewSession>find("projectId = ?1 and id = ?2", access.project().id, id)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (s == null) {
            throw ApiException.notFound("No such preview in this project");
        }
        s.revoke(access.accountId(), Instant.now());
        em.flush();
        // As the cleanup records its stages (PreviewCleanup.event): a row it may have written already is kept.
        QuerySpaces.touching(em.createNativeQuery("insert into preview_cleanup_events (preview_session_id, stage) values (?1, ?2) "
                + "on conflict do nothing"), "preview_cleanup_events").setParameter(1, s.id).setParameter(2, PreviewSession.EXPIRED).executeUpdate();
        return s;
    }

    public PreviewSession get(UUID projectId, UUID id) {
        if (id == null) {
            throw ApiException.notFound("No such preview in this project");
        }
        return PreviewSession.<PreviewSession>find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No such preview in this project"));
    }

    /** Previews shown a page at a time: every link a lead ever made stays listed with its cleanup stages. */
    public static final int PAGE_SIZE = 25;

    /** A page of the project's previews and where it is among them. */
    public record Listing(List<PreviewRow> rows, PageNumbers at) {
    }

    /** A page of the project's previews, newest first (asked for: kept between the first and the last), in three queries. */
    public Listing page(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, PreviewSession.count("projectId", projectId), PAGE_SIZE);
        return new Listing(rows(projectId, null, at.offset(), PAGE_SIZE), at);
    }

    /** One preview of the project with its stage history, or 404. */
    public PreviewRow row(UUID projectId, UUID id) {
        return (id == null ? List.<PreviewRow>of() : rows(projectId, id, 0, 1)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No such preview in this project"));
    }

    /**
     * The project's previews (or the one given), newest first, with their stage history and the number of their pages not
     * deleted since: three queries whatever their number.
     */
    private List<PreviewRow> rows(UUID projectId, UUID only, int offset, int limit) {
        jakarta.persistence.TypedQuery<Object[]> query = em.createQuery("select s, a.username, p.name, tok.id, tok.revokedAt from PreviewSession s "
                        + "left join Account a on a.id = s.createdBy left join Page p on p.id = s.pageId "
                        + "left join ApiToken tok on tok.id = s.tokenId where s.projectId = :p"
                        + (only == null ? "" : " and s.id = :only") + " order by s.createdAt desc, s.id", Object[].class)
                .setParameter("p", projectId);
        if (only != null) {
            query.setParameter("only", only);
        }
        List<Object[]> sessions = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        List<UUID> ids = sessions.stream().map(r -> ((PreviewSession) r[0]).id).toList();
        Map<UUID, List<PreviewRow.Stage>> events = new HashMap<>();
        for (PreviewCleanupEvent e : ids.isEmpty() ? List.<PreviewCleanupEvent>of() : em.createQuery(
                        "select e from PreviewCleanupEvent e where e.previewSessionId in :ids order by e.createdAt", PreviewCleanupEvent.class)
                .setParameter("ids", ids).getResultList()) {
            events.computeIfAbsent(e.previewSessionId, k -> new ArrayList<>()).add(new PreviewRow.Stage(e.stage, e.createdAt));
        }
        Map<UUID, Integer> shown = new HashMap<>();
        for (Object[] r : ids.isEmpty() ? List.<Object[]>of() : (List<Object[]>) em.createNativeQuery("select pp.preview_session_id, count(*) "
                + "from preview_pages pp where pp.preview_session_id in (:ids) group by pp.preview_session_id", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            shown.put((UUID) r[0], ((Number) r[1]).intValue());
        }
        Instant now = Instant.now();
        List<PreviewRow> out = new ArrayList<>();
        for (Object[] r : sessions) {
            PreviewSession s = (PreviewSession) r[0];
            boolean liveToken = s.tokenId == null || (r[3] != null && r[4] == null);
            out.add(new PreviewRow(s.id, link(s), s.statusAt(now, liveToken), (String) r[2], s.pageId != null && r[2] == null, shown.getOrDefault(s.id, 0),
                    s.createdAt, s.expiresAt, s.revokedAt, (String) r[1], s.open(now) && liveToken, !liveToken, events.getOrDefault(s.id, List.of())));
        }
        return out;
    }

    /**
     * The open preview behind a token, or 404 (unknown, revoked, expired, cleaned up, made through an API token revoked
     * since: all the same to a visitor), in one query. A link made through an API token lives no longer than the token:
     * whoever revokes a leaked or departing agent's token expects what it made public to close with it, as its queued jobs
     * stop (V0940). A token row that is gone counts as revoked.
     */
    public PreviewSession open(String token) {
        if (token == null || token.length() < 40 || token.length() > 64) {
            throw ApiException.notFound("This preview does not exist or has expired.");
        }
        return em.createQuery("select s from PreviewSession s where s.tokenHash = :hash and (s.tokenId is null "
                        + "or exists (select 1 from ApiToken t where t.id = s.tokenId and t.revokedAt is null))", PreviewSession.class)
                .setParameter("hash", Secrets.hash(token)).setMaxResults(1).getResultList().stream().findFirst()
                .filter(s -> s.open(Instant.now()))
                .orElseThrow(() -> ApiException.notFound("This preview does not exist or has expired."));
    }

    /** The bundle's index, less the pages deleted since the preview was made; 410 when none is left. */
    public PreviewManifest manifest(PreviewSession s) {
        PreviewManifest m;
        try {
            m = JSON.readValue(Path.of(s.bundlePath, "manifest.json").toFile(), PreviewManifest.class);
        } catch (IOException e) {
            throw ApiException.notFound("This preview's files are gone.");
        }
        List<Integer> shown = shown(s);
        List<PreviewManifest.Entry> left = m.pages().stream().filter(e -> shown.contains(e.index())).toList();
        if (left.isEmpty()) {
            throw new ApiException(410, m.pages().size() == 1 ? "This page was deleted: " + m.pages().get(0).name() + " is no longer part of the design."
                    : "This preview's pages were deleted: none of them is part of the design any more.");
        }
        return new PreviewManifest(m.project(), left);
    }

    /** 410 when the bundle has this page but its page was deleted since the preview was made. */
    public void requireNotDeleted(PreviewSession s, int index) {
        if (!shown(s).contains(index) && Files.exists(Path.of(s.bundlePath, "pages", index + ".html"))) {
            throw new ApiException(410, "This page was deleted: it is no longer part of the design.");
        }
    }

    /** The bundle's page indexes whose page still exists. */
    @SuppressWarnings("unchecked")
    private List<Integer> shown(PreviewSession s) {
        return ((List<Number>) em.createNativeQuery("select position from preview_pages where preview_session_id = ?1", Integer.class)
                .setParameter(1, s.id).getResultList()).stream().map(Number::intValue).toList();
    }

    /** One rendered page of the bundle (the sandboxed document); 410 when its page was deleted since. */
    public String page(PreviewSession s, int index) {
        requireNotDeleted(s, index);
        if (!shown(s).contains(index)) {
            throw ApiException.notFound("No such page in this preview.");
        }
        try {
            return Files.readString(Path.of(s.bundlePath, "pages", index + ".html"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw ApiException.notFound("No such page in this preview.");
        }
    }

    private static void render(Path bundle, String project, List<MockupService.CurrentMockup> current) throws IOException {
        Files.createDirectories(bundle.resolve("pages"));
        List<PreviewManifest.Entry> entries = new ArrayList<>();
        int i = 1;
        for (MockupService.CurrentMockup m : current) {
            Files.writeString(bundle.resolve("pages").resolve(i + ".html"), MockupDocument.render(m.html(), m.css(), m.js()), StandardCharsets.UTF_8);
            entries.add(new PreviewManifest.Entry(i, m.name(), m.path(), m.version()));
            i++;
        }
        JSON.writeValue(bundle.resolve("manifest.json").toFile(), new PreviewManifest(project, entries));
    }

    Path root() {
        return Path.of(dataDir, "previews").toAbsolutePath();
    }

    /** Where a preview's bundle is written, whether or not its row says so yet. */
    Path bundle(UUID id) {
        return root().resolve(id.toString());
    }

    /**
     * The token of a preview's link, or null for a link made before links were derived (migration V0810), which only
     * its recipients know. Derived again whenever a lead looks, so that the database holds no working link.
     */
    public String link(PreviewSession s) {
        String token = link(s.tokenSeed);
        return Secrets.hash(token).equals(s.tokenHash) ? token : null;
    }

    private String link(String seed) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.sign("preview-link|" + seed));
    }

    /** 32 random bytes, base64url: 256 bits nobody can guess. */
    static String token() {
        return Secrets.newValue();
    }

    static UUID uuid(String s) {
        return Ids.parseOrNull(s);
    }
}
