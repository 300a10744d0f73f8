package dev.specboard.story;

import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Approval;
import dev.specboard.account.Account;
import dev.specboard.notification.MentionNotifier;
import dev.specboard.notification.Mentions;
import dev.specboard.notification.NotificationService;
import dev.specboard.project.Access;
import dev.specboard.project.Membership;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stories and their workflow: writing and versioning them, submitting, approving and sending them
 * back (with notifications and the approvals history), and marking what derives from them dirty.
 */
@ApplicationScoped
public class StoryService {

    private static final Pattern KEY = Pattern.compile("(?i)^(?:us-?)?(\\d{1,9})$");

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    NotificationService notifications;

    @Inject
    MentionNotifier mentionNotifier;

    @Inject
    Event<StoryChanged> storyChanged;

    @Inject
    Event<StoryApproved> storyApproved;

    /** The story, or 404. */
    public Story get(UUID projectId, int number) {
        return Story.<Story>find("projectId = ?1 and number = ?2", projectId, number).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No story " + Story.named(number) + " in this project"));
    }

    Story lock(UUID projectId, int number) {
        return Story.<Story>find("projectId = ?1 and number = ?2", projectId, number)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No story " + Story.named(number) + " in this project"));
    }

    /** Writes a new draft story with the next number of the project, as version 1. */
    @Transactional
    public Story create(Access access, StoryForm form) {
        access.requireWrite(Role.MEMBER);
        check(form);
        Number next = (Number) em.createNativeQuery("insert into story_counters (project_id, last_number) values (:p, 1) "
                        + "on conflict (project_id) do update set last_number = story_counters.last_number + 1 returning last_number")
                .setParameter("p", access.project().id).getSingleResult();
        Story s = new Story();
        s.projectId = access.project().id;
        s.number = next.intValue();
        apply(s, form);
        s.authorId = access.accountId();
        s.persist();
        StoryRevision.of(s, access.accountId()).persist();
        notifyMentions(access, s, Set.of());
        return s;
    }

    /** People newly named with @username in the story's text hear about it (not again on every edit). */
    private void notifyMentions(Access access, Story s, Set<String> before) {
        Set<String> now = new java.util.HashSet<>(Mentions.parse(String.join("\n", s.title, nz(s.description), nz(s.acceptanceCriteria))));
        now.removeAll(before);
        mentionNotifier.notifyMembers(s.projectId, access.accountId(), now,
                username(access.accountId()) + " mentioned you in " + s.key() + " " + s.title,
                "/projects/" + access.project().slug + "/stories/" + s.number);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /**
     * Saves an edit as a new version when it is based on the current one (409 otherwise). An approved
     * story returns to review and everything derived from it becomes dirty.
     */
    @Transactional
    public Story update(Access access, int number, StoryForm form) {
        access.requireWrite(Role.MEMBER);
        check(form);
        Story s = lock(access.project().id, number);
        if (form.version() == null) {
            throw ValidationException.of("version", "Say which version you edited");
        }
        requireKnownVersion(s, form.version());
        if (form.version() != s.version) {
            throw stale(s, form);
        }
        if (!textChanged(s, form)) {
            return s;
        }
        StoryStage before = s.stage();
        StoryStage after = before.after(StoryStage.Action.EDIT, s.key());
        Set<String> mentionedBefore = Mentions.parse(String.join("\n", s.title, nz(s.description), nz(s.acceptanceCriteria)));
        apply(s, form);
        s.version++;
        s.moveTo(after);
        StoryRevision.of(s, access.accountId()).persist();
        notifyMentions(access, s, mentionedBefore);
        if (before.isApproved()) {
            s.dirty = true;
            storyChanged.fire(new StoryChanged(s.projectId, s.id, s.number));
            notifyLeads(access, s, "story_submitted", s.key() + " was changed after approval and needs a new one");
        }
        return s;
    }

    private StaleVersionException stale(Story s, StoryForm yours) {
        String by = StoryRevision.find(s.id, s.version).map(r -> username(r.authorId)).orElse(null);
        return new StaleVersionException(s.key(), yours.version(), s.version,
                StaleVersionException.texts("title", s.title, "description", s.description, "acceptanceCriteria", s.acceptanceCriteria),
                StaleVersionException.texts("title", yours.title(), "description", yours.description(), "acceptanceCriteria", yours.acceptanceCriteria()),
                by);
    }

    /**
     * A version the story never had is a mistake of the caller, not someone else's edit: told "changed by alice while you
     * edited it (you edited version 5, it is now version 1)", a client looked for an edit that never happened.
     */
    private static void requireKnownVersion(Story s, int version) {
        if (version < 1 || version > s.version) {
            throw ValidationException.of("version", s.key() + " has no version " + version + ": its versions are 1 to " + s.version);
        }
    }

    /**
     * Refuses a lead's decision on a version the author has replaced since ({@code seen}; null means the current one):
     * it would decide on text the lead has not read. {@code refused} says what was not done and what to do instead.
     */
    private void requireReadVersion(Story s, Integer seen, String refused) {
        if (seen == null || seen == s.version) {
            return;
        }
        requireKnownVersion(s, seen);
        String by = StoryRevision.find(s.id, s.version).map(r -> username(r.authorId)).orElse(null);
        Map<String, String> yours = StoryRevision.find(s.id, seen)
                .map(r -> StaleVersionException.texts("title", r.title, "description", r.description, "acceptanceCriteria", r.acceptanceCriteria))
                .orElse(null);
        throw StaleVersionException.withMessage(s.key() + " was changed by " + (by == null ? "someone else" : by) + " after you opened it: you read version "
                        + seen + ", it is now version " + s.version + ". " + refused,
                seen, s.version,
                StaleVersionException.texts("title", s.title, "description", s.description, "acceptanceCriteria", s.acceptanceCriteria), yours, by);
    }

    /** A member asks the leads to approve a draft; the leads are notified. */
    @Transactional
    public Story submit(Access access, int number) {
        access.requireWrite(Role.MEMBER);
        Story s = lock(access.project().id, number);
        s.moveTo(s.stage().after(StoryStage.Action.SUBMIT, s.key()));
        notifyLeads(access, s, "story_submitted", s.key() + " \u201c" + s.title + "\u201d waits for your approval");
        return s;
    }

    /**
     * A lead approves the version they read ({@code version}; null means the current one) when it is still the current
     * one (409 otherwise): the story becomes ready and its author is told.
     */
    @Transactional
    public Story approve(Access access, int number, Integer version) {
        access.requireWrite(Role.LEAD);
        Story s = lock(access.project().id, number);
        approvalRefusal(access, s).ifPresent(reason -> {
            throw ApiException.forbidden(reason);
        });
        requireReadVersion(s, version, "Nothing was approved: read version " + s.version + " and approve that one.");
        s.moveTo(s.stage().after(StoryStage.Action.APPROVE, s.key()));
        s.approvedVersion = s.version;
        s.dirty = false;
        Approval.record(s.projectId, Approval.STORY, s.id, s.version, Approval.APPROVED, null, access.accountId());
        notifyAuthor(access, s, "story_approved", s.key() + " was approved by " + username(access.accountId()), null);
        storyApproved.fire(new StoryApproved(s.projectId, s.id, s.number));
        return s;
    }

    /**
     * A lead sends a submitted story back to its author with a comment, on the version they read ({@code version}; null
     * means the current one) when it is still the current one (409 otherwise).
     */
    @Transactional
    public Story requestChanges(Access access, int number, String comment, Integer version) {
        access.requireWrite(Role.LEAD);
        Story s = lock(access.project().id, number);
        // Before the comment's checks: a form answered 422 comes back naming the current version, which must be the one read.
        requireReadVersion(s, version, "Nothing was sent back: read version " + s.version + " and decide on that one.");
        if (comment == null || comment.isBlank()) {
            throw ValidationException.of("comment", "Say what should change");
        }
        if (comment.length() > 5000) {
            throw ValidationException.of("comment", "At most 5000 characters");
        }
        s.moveTo(s.stage().after(StoryStage.Action.REQUEST_CHANGES, s.key()));
        s.reviewComment = comment.trim();
        Approval.record(s.projectId, Approval.STORY, s.id, s.version, Approval.CHANGES_REQUESTED, s.reviewComment, access.accountId());
        notifyAuthor(access, s, "story_changes_requested",
                username(access.accountId()) + " asked for changes to " + s.key(), s.reviewComment);
        return s;
    }

    /** Called when every task of the story's specs is done: the story becomes implemented. */
    @Transactional
    public Story markImplemented(UUID projectId, int number) {
        Story s = lock(projectId, number);
        s.moveTo(s.stage().after(StoryStage.Action.MARK_IMPLEMENTED, s.key()));
        return s;
    }

    /** Called when an implemented story's specs are no longer all complete (one reopened, another linked): it is ready again. */
    @Transactional
    public void reopenImplemented(UUID projectId, int number) {
        Story s = lock(projectId, number);
        if (s.stage() == StoryStage.IMPLEMENTED) {
            s.moveTo(StoryStage.READY);
        }
    }

        /** Why the caller may not approve this story now (role or authorship), if so. */
    public java.util.Optional<String> approvalRefusal(Access access, Story s) {
        long leads = access.isLead() && Objects.equals(s.authorId, access.accountId()) ? leadCount(s.projectId) : 1;
        return approvalRefusal(access, s, leads);
    }

    /** The same, given how many leads and owners the project has. */
    java.util.Optional<String> approvalRefusal(Access access, Story s, long leads) {
        return StoryStage.approvalRefusal(s.key(), s.authorId, access.accountId(), access.isLead(), leads);
    }

    long leadCount(UUID projectId) {
        // One parameter per role, not a list: Hibernate writes the SQL of a query with a list parameter again at every execution.
        return em.createQuery("select count(m) from Membership m where m.project.id = :p and m.role in (:lead, :owner)", Long.class)
                .setParameter("p", projectId).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
    }

    private void notifyLeads(Access access, Story s, String type, String message) {
        List<UUID> leads = em.createQuery("select m.account.id from Membership m where m.project.id = :p and m.role in (:lead, :owner)", UUID.class)
                .setParameter("p", s.projectId).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList();
        for (UUID lead : leads) {
            if (!lead.equals(access.accountId())) {
                notifications.notify(lead, s.projectId, type, payload(access, s, message, null));
            }
        }
    }

    /** An author removed from the project is not told (the notification service tells members only). */
    private void notifyAuthor(Access access, Story s, String type, String message, String comment) {
        if (s.authorId != null && !s.authorId.equals(access.accountId())) {
            notifications.notify(s.authorId, s.projectId, type, payload(access, s, message, comment));
        }
    }

    private static Map<String, Object> payload(Access access, Story s, String message, String comment) {
        Map<String, Object> p = new HashMap<>();
        p.put("message", message);
        p.put("link", "/projects/" + access.project().slug + "/stories/" + s.number);
        p.put("project", access.project().slug);
        p.put("storyNumber", s.number);
        p.put("storyKey", s.key());
        p.put("version", s.version);
        if (comment != null) {
            p.put("comment", comment);
        }
        return p;
    }

    private void check(StoryForm form) {
        FormErrors errors = validation.check(form);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }

    private static void apply(Story s, StoryForm form) {
        s.title = dev.specboard.web.SingleLine.required("title", form.title(), "Give the story a title");
        s.description = form.description() == null ? "" : form.description().strip();
        s.acceptanceCriteria = form.acceptanceCriteria() == null || form.acceptanceCriteria().isBlank() ? null : form.acceptanceCriteria().strip();
    }

    String username(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        Account a = Account.findById(accountId);
        return a == null ? null : a.username;
    }

    /** One page of the project's stories that match the filter, newest first, in two queries. */
    public StoryListView list(UUID projectId, StoryFilter filter) {
        StringBuilder where = new StringBuilder(" from stories s where s.project_id = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        switch (filter.status()) {
            case "draft" -> where.append(" and s.status = 'draft' and s.review = 'none'");
            case "review" -> where.append(" and s.review = 'pending'");
            case "changes" -> where.append(" and s.review = 'changes_requested'");
            case "ready" -> where.append(" and s.status = 'ready'");
            case "implemented" -> where.append(" and s.status = 'implemented'");
            default -> { }
        }
        if ("approved".equals(filter.approval())) {
            where.append(" and s.approved");
        } else if ("unapproved".equals(filter.approval())) {
            where.append(" and not s.approved");
        }
        if ("true".equals(filter.dirty())) {
            where.append(" and s.dirty");
        } else if ("false".equals(filter.dirty())) {
            where.append(" and not s.dirty");
        }
        if ("none".equals(filter.context())) {
            where.append(" and not exists (select 1 from context_stories cs where cs.story_id = s.id)");
        } else if (filter.contextId() != null) {
            where.append(" and exists (select 1 from context_stories cs where cs.story_id = s.id and cs.context_id = :ctx)");
            params.put("ctx", filter.contextId());
        }
        if (!filter.q().isEmpty()) {
            Matcher m = KEY.matcher(filter.q());
            if (m.matches()) {
                where.append(" and s.number = :n");
                params.put("n", Integer.parseInt(m.group(1)));
            } else {
                where.append(" and (s.search @@ websearch_to_tsquery('specboard_text', :q) or s.title ilike :like)");
                params.put("q", filter.q());
                params.put("like", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        PageNumbers at = PageNumbers.of(filter.page(), total, StoryFilter.PAGE_SIZE);
        Query q = em.createNativeQuery("select s.number, s.title, s.status, s.review, s.approved, s.dirty, s.version, s.approved_version"
                + where + " order by s.number desc");
        params.forEach(q::setParameter);
        q.setFirstResult(at.offset()).setMaxResults(StoryFilter.PAGE_SIZE);
        List<StoryRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new StoryRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (Boolean) r[5],
                    ((Number) r[6]).intValue(), r[7] == null ? null : ((Number) r[7]).intValue()));
        }
        return new StoryListView(rows, at, filter);
    }

    /** The project's stories by number for the API (optionally of one status): all, or the page's {@link StoryFilter#PAGE_SIZE}. */
    public List<Story> all(UUID projectId, String status, Integer page) {
        PanacheQuery<Story> q = status == null || status.isBlank()
                ? Story.find("projectId = ?1 order by number", projectId)
                : Story.find("projectId = ?1 and status = ?2 order by number", projectId, status);
        return page == null ? q.list() : q.page(page - 1, StoryFilter.PAGE_SIZE).list();
    }

    /** Every version of a story, newest first, with authors, in one query. */
    public List<RevisionRow> revisions(UUID storyId) {
        return em.createQuery("select new dev.specboard.story.RevisionRow(r.version, r.title, r.description, r.acceptanceCriteria, r.createdAt, a.username) "
                        + "from StoryRevision r left join Account a on a.id = r.authorId where r.storyId = :s order by r.version desc", RevisionRow.class)
                .setParameter("s", storyId).getResultList();
    }

    /** Whether the form's text differs from the story's current version once normalised. */
    private static boolean textChanged(Story s, StoryForm f) {
        Story probe = new Story();
        apply(probe, f);
        return !Objects.equals(s.title, probe.title) || !Objects.equals(s.description, probe.description)
                || !Objects.equals(s.acceptanceCriteria, probe.acceptanceCriteria);
    }
}
