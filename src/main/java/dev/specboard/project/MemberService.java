package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who is in a project with which role: owners add accounts by username, invite email addresses, change roles and
 * remove members, and a project always keeps at least one owner (rules the pages and the API share).
 */
@ApplicationScoped
public class MemberService {

    /** What a field naming no role is told. */
    public static final String ROLE_CHOICES = "Choose one of viewer, reviewer, member, lead, owner";

    @jakarta.inject.Inject
    InvitationService invitations;

    @jakarta.inject.Inject
    LiveUpdates live;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<MemberRemoved> removed;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<MemberDemoted> demoted;

    /** The members with their accounts, owners first, in one query. */
    public List<MemberView> list(Access access) {
        List<Membership> all = Membership.listWithAccounts(access.project());
        long owners = all.stream().filter(m -> m.role == Role.OWNER).count();
        return all.stream().map(m -> MemberView.of(m, access.accountId(), owners)).toList();
    }

    /** A member offered while someone types {@code @na…} in a markdown field. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record MentionSuggestion(String username, String name) {
    }

    /** Up to eight members who can still log in and whose username or name starts with the prefix, in one query. */
    public List<MentionSuggestion> suggest(Access access, String prefix) {
        String p = prefix == null ? "" : prefix.trim().toLowerCase(java.util.Locale.ROOT);
        if (p.length() > 39) {
            return List.of();
        }
        String like = p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Membership.getEntityManager().createQuery("select new dev.specboard.project.MemberService$MentionSuggestion(a.username, a.name)"
                        + " from Membership m join m.account a where m.project.id = :project and a.disabledAt is null"
                        + " and (lower(a.username) like :p escape '\\' or lower(coalesce(a.name, '')) like :p escape '\\')"
                        + " order by lower(a.username)", MentionSuggestion.class)
                .setParameter("project", access.project().id).setParameter("p", like).setMaxResults(8).getResultList();
    }

    /** Adds an existing account by its username with a role; unknown or already-present accounts are refused with 422. */
    @Transactional
    public Membership add(Access access, String username, Role role) {
        access.requireWrite(Role.OWNER);
        Project p = lockProject(access);
        FormErrors errors = FormErrors.none();
        Account a = resolve(p, username, "who", errors);
        if (role == null) {
            errors.add("role", "Choose a role");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return persist(p, a, role);
    }

    /**
     * What the members page does with "username or email": an email address gets an invitation link (answered), a
     * username is added at once (empty answer). An email never adds the account that has it at once: that account joins
     * by taking the invitation, which only the account with the invited address may.
     */
    @Transactional
    public java.util.Optional<InvitationService.Created> addOrInvite(Access access, String who, Role role, String baseUrl) {
        if (who != null && InvitationService.isEmail(who.trim())) {
            return java.util.Optional.of(invitations.invite(access, who, role, baseUrl, "who"));
        }
        add(access, who, role);
        return java.util.Optional.empty();
    }

    /** Parses a role as forms send it ("lead"); 422 on the given field otherwise. */
    public static Role parseRole(String value, String field) {
        return Role.parse(value).orElseThrow(() -> ValidationException.of(field, ROLE_CHOICES));
    }

    /**
     * Adds several people at once, all or nothing; errors are named per row ({@code who-0},
     * {@code role-0}) and the unknown usernames are listed together under {@code invites}. Usernames are added; an
     * email address gets an invitation link (mailed when mail is configured) for the account with that address; the
     * answer names them.
     */
    @Transactional
    public List<String> addAll(Access access, List<InviteRow> rows, String baseUrl) {
        access.requireWrite(Role.OWNER);
        Project p = lockProject(access);
        FormErrors errors = FormErrors.none();
        java.util.Set<String> invited = new java.util.HashSet<>();
        List<Account> accounts = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (InviteRow row : rows) {
            String field = "who-" + row.index();
            String who = row.who() == null ? "" : row.who().trim();
            boolean invite = InvitationService.isEmail(who);
            Account a = invite ? null : resolve(p, who, field, errors);
            if (invite && !invited.add(who.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(field, who + " is listed twice");
            }
            if (a != null && !seen.add(a.id)) {
                errors.add(field, who + " is listed twice");
            }
            Role role = Role.parse(row.role()).orElse(null);
            if (role == null) {
                errors.add("role-" + row.index(), ROLE_CHOICES);
            }
            accounts.add(a);
            roles.add(role);
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i) != null) {
                persist(p, accounts.get(i), roles.get(i));
            } else {
                emails.add(invitations.invite(access, rows.get(i).who(), roles.get(i), baseUrl, "who-" + rows.get(i).index()).email());
            }
        }
        return emails;
    }

    /** Changes a member's role (below member, their task claims end); demoting the last owner is refused with 409. */
    @Transactional
    public MemberView changeRole(Access access, UUID membershipId, Role role) {
        access.requireWrite(Role.OWNER);
        Project p = lockProject(access);
        Membership m = membership(p, membershipId);
        if (role == null) {
            throw ValidationException.of("role", ROLE_CHOICES);
        }
        Role before = m.role;
        m.changeRole(role, () -> Membership.countOwners(p));
        if (role != Role.OWNER) {
            withdrawInvitationsOf(p, m.account.id);
        }
        if (before.atLeast(Role.MEMBER) && !role.atLeast(Role.MEMBER)) {
            // They may no longer heartbeat, start or release the tasks they hold, so their claims end now, as a removal's do.
            demoted.fire(new MemberDemoted(p.id, m.account.id, role));
        }
        return MemberView.of(m, access.accountId(), m.role == Role.OWNER ? Membership.countOwners(p) : 0);
    }

    /** Removes a member; removing the last owner is refused with 409. */
    @Transactional
    public void remove(Access access, UUID membershipId) {
        access.requireWrite(Role.OWNER);
        Project p = lockProject(access);
        Membership m = membership(p, membershipId);
        m.checkRemovable(() -> Membership.countOwners(p));
        m.delete();
        withdrawInvitationsOf(p, m.account.id);
        removed.fire(new MemberRemoved(p.id, m.account.id));
        // The member's open streams ask again whether they may go on (after the commit, on every instance): see
        // StreamGrant. Addressed to the account alone, so the project's other streams do not hear of it.
        live.publish(LiveEvent.forAccount(StreamGrant.LEFT, m.account.id));
    }

    /**
     * The open invitations someone sent stop working once they may no longer invite (removed, or no longer owner): a link
     * kept from before would bring them, or whoever they chose, back in with the role it names, owner included.
     */
    private static void withdrawInvitationsOf(Project p, UUID accountId) {
        Invitation.update("revokedAt = ?1 where projectId = ?2 and invitedBy = ?3 and acceptedAt is null and revokedAt is null",
                java.time.Instant.now(), p.id, accountId);
    }

    /** One member with its account, for re-rendering a row. */
    public MemberView view(Access access, UUID membershipId) {
        Membership m = Membership.<Membership>find("from Membership m join fetch m.account where m.id = ?1 and m.project = ?2",
                membershipId, access.project()).firstResultOptional().orElseThrow(() -> ApiException.notFound("No such member"));
        return MemberView.of(m, access.accountId(), m.role == Role.OWNER ? Membership.countOwners(access.project()) : 0);
    }

    private static Account resolve(Project p, String who, String field, FormErrors errors) {
        if (who == null || who.isBlank()) {
            errors.add(field, "Enter a username or an email");
            return null;
        }
        // By username only: an email address says nothing about who holds it (anyone may put any on their profile).
        Account a = Account.findByUsername(who.trim()).orElse(null);
        if (a == null) {
            // Said once, on the row: a second, form-wide message made the summary count two problems for one.
            errors.add(field, "No account found for " + who.trim() + ": invite them by their email address instead");
            return null;
        }
        if (a.isDisabled()) {
            errors.add(field, a.username + "'s account is disabled: an administrator of this Specboard can enable it");
            return null;
        }
        Membership existing = Membership.find(p, a.id).orElse(null);
        if (existing != null) {
            errors.add(field, who.trim() + " is already a member (" + existing.role.value() + ")");
            return null;
        }
        return a;
    }

    static Membership persist(Project p, Account a, Role role) {
        Membership m = new Membership();
        m.project = p;
        m.account = a;
        m.role = role;
        m.persist();
        return m;
    }

    /** Serialises membership changes per project, so two owners demoting each other cannot leave none. */
    private static Project lockProject(Access access) {
        Project p = Project.findById(access.project().id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProjectAccess.notFound();
        }
        return p;
    }

    private static Membership membership(Project p, UUID membershipId) {
        Membership m = membershipId == null ? null : Membership.<Membership>find(
                "from Membership m join fetch m.account where m.id = ?1 and m.project = ?2", membershipId, p)
                .firstResultOptional().orElse(null);
        if (m == null) {
            throw ApiException.notFound("No such member in " + p.name);
        }
        return m;
    }
}
