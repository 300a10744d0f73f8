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
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Stories and their workflow: writing and versioning them, submitting, approving and sending them
 * back (with notifications and the approvals history), and marking what derives from them dirty.
 */
@ApplicationScoped
public class StoryService {

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
            throw stale(s, form, access.accountId());
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

    private StaleVersionException stale(Story s, StoryForm yours, UUID caller) {
        String by = savedBy(s, caller);
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
    private void requireReadVersion(Story s, Integer seen, String refused, UUID caller) {
        if (seen == null || seen == s.version) {
            return;
        }
        requireKnownVersion(s, seen);
        String by = savedBy(s, caller);
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
        requireReadVersion(s, version, "Nothing was approved: read version " + s.version + " and approve that one.", access.accountId());
        s.moveTo(s.stage().after(StoryStage.Action.APPROVE, s.key()));
        s.approvedVersion = s.version;
        s.dirty = false;
        Approval.record(s.projectId, Approval.STORY, s.id, s.version, Approval.APPROVED, null, access.accountId());
        notifyAuthor(access, s, "story_approved", s.key() + " was approved by " + username(access.accountId()), null);
        notifications.resolve(s.projectId, "story_submitted", "storyNumber", s.number);
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
        requireReadVersion(s, version, "Nothing was sent back: read version " + s.version + " and decide on that one.", access.accountId());
        if (comment == null || comment.isBlank()) {
            throw ValidationException.of("comment", "Say what should change");
        }
        if (dev.specboard.web.Chars.Check.over(comment, 5000)) {
            throw ValidationException.of("comment", "At most 5000 characters");
        }
        s.moveTo(s.stage().after(StoryStage.Action.REQUEST_CHANGES, s.key()));
        s.reviewComment = comment.trim();
        Approval.record(s.projectId, Approval.STORY, s.id, s.version, Approval.CHANGES_REQUESTED, s.reviewComment, access.accountId());
        notifyAuthor(access, s, "story_changes_requested",
                username(access.accountId()) + " asked for changes to " + s.key(), s.reviewComment);
        notifications.resolve(s.projectId, "story_submitted", "storyNumber", s.number);
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

    /** Who saved the story's current version, as {@code caller} is told of it: themselves in another tab, or by name. */
    private String savedBy(Story s, UUID caller) {
        return StoryRevision.find(s.id, s.version).map(r -> Account.savedByAsSeenBy(r.authorId, caller)).orElse(null);
    }

    String username(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        Account a = Account.findById(accountId);
        return a == null ? null : a.username;
    }

    /** Whether the form's text differs from the story's current version once normalised. */
    private static boolean textChanged(Story s, StoryForm f) {
        Story probe = new Story();
        apply(probe, f);
        return !Objects.equals(s.title, probe.title) || !Objects.equals(s.description, probe.description)
                || !Objects.equals(s.acceptanceCriteria, probe.acceptanceCriteria);
    }
}
