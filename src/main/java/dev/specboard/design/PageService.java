package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The pages of the app being designed: the tree, creating a page (with its first mockup), editing, deleting and its status. */
@ApplicationScoped
public class PageService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    MockupService mockups;

    @Inject
    DesignSystemService designSystems;

    @Inject
    ContextItemService contextItems;

    /** Every page of the project with its current mockup version, in tree order, in one query. */
    public List<PageRow> rows(UUID projectId) {
        return em.createQuery("select new dev.specboard.design.PageRow(p.id, p.parentId, p.name, p.slug, p.path, p.type, p.status, p.purpose, "
                        + "p.primaryDevice, p.sortOrder, m.version, p.keyElements, p.version, p.placeholder, p.relatedPatterns) "
                        + "from Page p left join Mockup m on m.id = p.currentMockupId "
                        + "where p.projectId = :p order by p.sortOrder, p.path", PageRow.class)
                .setParameter("p", projectId).getResultList();
    }

    /** The page tree: roots and their children, each list in sort order. */
    public List<PageNode> tree(UUID projectId) {
        return PageNode.tree(rows(projectId));
    }

    /** Every page of the project depth first, as the tree shows them: each page, then its children, siblings in sort order. */
    public List<PageRow> inTreeOrder(UUID projectId) {
        List<PageRow> out = new ArrayList<>();
        PageNode.flatten(PageNode.tree(rows(projectId)), out);
        return out;
    }

    public Page get(UUID projectId, UUID id) {
        return Page.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such page in this project"));
    }

    /**
     * Creates a page at the end of its siblings and, when HTML is given, its first mockup in the same
     * transaction, setting it current (the seed's usage pattern). 422 for invalid fields, 409 for a path
     * another page has.
     */
    @Transactional
    public Page create(Access access, PageForm form) {
        access.requireWrite(Role.MEMBER);
        FormErrors errors = validation.check(form);
        checkChoices(form, errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        UUID projectId = access.project().id;
        lockProject(projectId);
        String path = normalise(form.path());
        requireFreePath(projectId, path, null);
        Page parent = parent(projectId, form.parent(), errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Page p = new Page();
        p.projectId = projectId;
        apply(p, form, path, parent);
        p.sortOrder = nextSortOrder(projectId, p.parentId);
        p.savedBy(access.accountId());
        p.persist();
        if (form.hasMockup()) {
            mockups.addVersion(access, p, form.mockup());
        }
        return p;
    }

    /**
     * A placeholder page for entering {@code entity} ("New company" at {@code /companies/new}, or {@code /companies/new-2} when
     * that path is taken), made when the thinking chain is answered that such a page is still to be designed.
     */
    @Transactional
    public Page placeholder(Access access, String entity) {
        String words = EntityInference.snake(entity).replace('_', ' ');
        String base = "/" + EntityInference.plural(entity).replace('_', '-') + "/new";
        lockProject(access.project().id);
        String path = base;
        for (int i = 2; Page.byPath(access.project().id, path).isPresent(); i++) {
            path = base + "-" + i;
        }
        return placeholder(access, "New " + words, path, "Creates and edits " + entity + ": the thinking chain was answered that this page"
                + " is still to be designed.");
    }

    /**
     * The page a journey screen names by a path nobody designed yet: the page there if there is one, else a placeholder
     * named after the path ("Checkout" for {@code /orders/checkout}); a path the page form would refuse is refused as
     * {@code newPage}. In the caller's transaction.
     */
    Page forScreen(Access access, String typed, String journey) {
        String path = normalise(typed);
        FormErrors errors = validation.check(new PageForm("Screen", path, "", "page", "", "responsive", "", null, "", "", ""));
        if (errors.has("path")) {
            throw ValidationException.of("newPage", errors.get("path"));
        }
        lockProject(access.project().id);
        java.util.Optional<Page> there = Page.byPath(access.project().id, path);
        if (there.isPresent()) {
            return there.get();
        }
        String last = path.substring(path.lastIndexOf('/') + 1).replace('-', ' ').strip();
        return placeholder(access, last.isEmpty() ? "Home" : Character.toUpperCase(last.charAt(0)) + last.substring(1), path,
                "A screen of the journey " + journey + ", still to be designed.");
    }

    private Page placeholder(Access access, String name, String path, String purpose) {
        Page p = create(access, new PageForm(name, path, "", "page", purpose, "responsive", "", null, "", "", ""));
        p.placeholder = true;
        return p;
    }

    /**
     * Saves a page's fields when the edit is based on the current version of them (409 with both otherwise); mockups and
     * status moves saved since do not make it stale, for they change none of these fields.
     */
    @Transactional
    public Page update(Access access, UUID id, PageForm form) {
        access.requireWrite(Role.MEMBER);
        FormErrors errors = validation.check(form);
        checkChoices(form, errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        // Like create, move and reorder: two edits checking the same free path or parent in turn, not side by side
        // (a unique violation instead of 409, or a cycle of parents).
        lockProject(access.project().id);
        Page p = get(access.project().id, id);
        RowLock.forUpdate(em, p, "No such page in this project");
        StaleVersionException.requireGiven("version", form.version());
        StaleVersionException.requireSaved("The page " + p.name, form.version(), p.version);
        if (form.version() != null && form.version() != p.version) {
            throw new StaleVersionException("The page " + p.name, form.version(), p.version,
                    StaleVersionException.texts("name", p.name, "path", p.path, "purpose", p.purpose),
                    StaleVersionException.texts("name", form.name(), "path", form.path(), "purpose", form.purpose()), p.savedByAsSeenBy(access.accountId()));
        }
        String path = normalise(form.path());
        requireFreePath(p.projectId, path, p.id);
        Page parent = parent(p.projectId, form.parent(), errors);
        if (parent != null && descendsFrom(parent, p)) {
            errors.add("parent", "A page cannot sit under itself or one of its own children.");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        UUID oldParent = p.parentId;
        List<Object> before = p.content();
        apply(p, form, path, parent);
        if (before.equals(p.content())) {
            // The form's values, perhaps written differently (JSON), are what is stored: no new version, no new updated_at.
            em.refresh(p);
            return p;
        }
        if (!Objects.equals(oldParent, p.parentId)) {
            p.sortOrder = nextSortOrder(p.projectId, p.parentId);
        }
        p.version++;
        p.savedBy(access.accountId());
        return p;
    }

    /**
     * Moves a page along {@code draft → designed → approved → built}; approving needs a lead. The details' version stays:
     * an edit of them begun before the move changes nothing the move did.
     */
    @Transactional
    public Page setStatus(Access access, UUID id, PageStatus target) {
        access.requireWrite(Role.MEMBER);
        Page p = get(access.project().id, id);
        RowLock.forUpdate(em, p, "No such page in this project");
        p.moveTo(target, access.role(), access.accountId());
        return p;
    }

    /**
     * Deletes a page with its mockup versions: features no longer affect it, journey screens showing it are flagged by
     * their check, thoughts about it keep its name, context items no longer count its uses, and the design system and entities are worked out again without its
     * mockups. Refused (409, naming them) while pages sit under it: deleting them along (Figma's way with a frame) would
     * take more than the person chose, and moving them up would change where they sit in the app's URLs behind their back;
     * like Linear's sub-issues, they stay until someone moves or deletes them.
     */
    @Transactional
    public void delete(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        // The lock create and update take first: a page created under this one meanwhile is either a child seen here or finds no parent.
        lockProject(projectId);
        Page p = get(projectId, id);
        List<Page> children = siblings(projectId, p.id);
        if (!children.isEmpty()) {
            throw ApiException.conflict("The page " + p.name + " has pages under it (" + String.join(", ", children.stream().map(c -> c.name + " " + c.path).toList())
                    + "): move or delete them first.", Map.of("children", children.stream().map(c -> c.path).toList()));
        }
        Feature.dropPage(projectId, p.id, () -> RowLock.forUpdate(em, p, "No such page in this project"), access.accountId());
        boolean hadMockups = p.currentMockupId != null || Mockup.count("pageId", p.id) > 0;
        // The mockups go with their page; the page lets go of its current one first, so no foreign key points into what is deleted.
        p.currentMockupId = null;
        em.flush();
        Mockup.delete("pageId", p.id);
        contextItems.forget(projectId, "page", p.id);
        p.delete();
        if (hadMockups) {
            designSystems.requestRecompute(projectId);
        }
    }

    private void checkChoices(PageForm form, FormErrors errors) {
        if (form.type() != null && !form.type().isBlank() && !Page.TYPES.contains(form.type())) {
            errors.add("type", "Choose one of " + String.join(", ", Page.TYPES));
        }
        if (form.primaryDevice() != null && !form.primaryDevice().isBlank() && !Page.DEVICES.contains(form.primaryDevice())) {
            errors.add("primaryDevice", "Choose one of " + String.join(", ", Page.DEVICES));
        }
        if (form.keyElementList().stream().anyMatch(k -> dev.specboard.web.Chars.Check.over(k, 100))) {
            errors.add("keyElements", "Each key element has at most 100 characters");
        }
    }

    private void apply(Page p, PageForm form, String path, Page parent) {
        p.name = dev.specboard.web.SingleLine.required("name", form.name(), "Give the page a name");
        String slug = DesignSystemBuilder.slug(p.name);
        p.slug = slug.isEmpty() ? "page" : slug.length() > 255 ? slug.substring(0, 255) : slug;
        p.path = path;
        p.parentId = parent == null ? null : parent.id;
        p.type = form.type() == null || form.type().isBlank() ? "page" : form.type();
        p.primaryDevice = form.primaryDevice() == null || form.primaryDevice().isBlank() ? "responsive" : form.primaryDevice();
        p.purpose = form.purpose() == null || form.purpose().isBlank() ? null : form.purpose().strip();
        p.keyElements(form.keyElementList());
    }

    /** {@code /dashboard/} and {@code /dashboard} are the same page; the root stays {@code /}. */
    public static String normalise(String path) {
        String p = path.strip();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private void requireFreePath(UUID projectId, String path, UUID self) {
        Page.byPath(projectId, path).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ApiException.conflict("The path " + path + " is already the page " + other.name + ".", Map.of("path", path));
        });
    }

    /** The parent named by id or by path; an unknown one is a field error. */
    private Page parent(UUID projectId, String ref, FormErrors errors) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String r = ref.strip();
        java.util.Optional<Page> found = r.startsWith("/") ? Page.byPath(projectId, normalise(r)) : Page.inProject(projectId, Ids.parseOrNull(r));
        if (found.isEmpty()) {
            errors.add("parent", "There is no page " + r + " in this project");
            return null;
        }
        return found.get();
    }

    private boolean descendsFrom(Page candidate, Page page) {
        Page at = candidate;
        for (int i = 0; at != null && i < 100; i++) {
            if (at.id.equals(page.id)) {
                return true;
            }
            at = at.parentId == null ? null : Page.findById(at.parentId);
        }
        return false;
    }

    /** The pages directly under {@code parentId} (the roots for {@code null}), in sort order. */
    List<Page> siblings(UUID projectId, UUID parentId) {
        return parentId == null
                ? Page.<Page>find("projectId = ?1 and parentId is null order by sortOrder, path", projectId).list()
                : Page.<Page>find("projectId = ?1 and parentId = ?2 order by sortOrder, path", projectId, parentId).list();
    }

    private int nextSortOrder(UUID projectId, UUID parentId) {
        List<Page> siblings = siblings(projectId, parentId);
        return siblings.isEmpty() ? 0 : siblings.get(siblings.size() - 1).sortOrder + 1;
    }

    /** Serialises structural changes of one project's pages (paths, order) between concurrent requests. */
    void lockProject(UUID projectId) {
        // NO KEY UPDATE, not UPDATE: page changes take turns, but rows that merely reference the project (the
        // design-system worker's thoughts, whose foreign key check takes KEY SHARE) are not blocked. FOR UPDATE
        // deadlocked a page created with a mockup (project lock, then the design system's row) against the
        // worker (the design system's row, then a thought referencing the project).
        em.createNativeQuery("select 1 from projects where id = ?1 for no key update").setParameter(1, projectId).getSingleResult();
    }
}
