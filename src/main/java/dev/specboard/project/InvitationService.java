package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.account.AccountService;
import dev.specboard.account.SignupForm;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.Secrets;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invites people by email: an expiring, single-use link that joins the project the account with the invited address,
 * signing up or logged in.
 */
@ApplicationScoped
public class InvitationService {

    static final int VALID_DAYS = 7;
    /** What a field holding no email address is told. */
    public static final String NOT_AN_EMAIL = "Enter an email address to invite";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** A new invitation and its link, shown once to the inviter; {@code again} when it refreshed an open one. */
    public record Created(UUID id, String email, Role role, String link, Instant expiresAt, boolean again) {
    }

    /** An open invitation on the members page. */
    public record InvitationRow(UUID id, String email, Role role, Instant expiresAt) {
    }

    /**
     * What the invitation page shows: the project and role it offers, or why it cannot be used ({@code refusal}, for
     * anyone) or cannot be used by the logged-in account ({@code otherAccount}: it is for another address).
     */
    public record InvitationView(String token, String projectName, String email, Role role, String refusal, String otherAccount) {
    }

    /** Stores the invitation, or refreshes the open one of the address (the unique index decides); answers which. */
    private static final String INVITE = """
            INSERT INTO project_invitations AS i (project_id, email, role, token_hash, invited_by, expires_at)
            VALUES (?1, ?2, ?3, ?4, ?5, now() + make_interval(days => ?6))
            ON CONFLICT (project_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL
            DO UPDATE SET email = excluded.email, role = excluded.role, token_hash = excluded.token_hash,
                          invited_by = excluded.invited_by, created_at = now(), expires_at = excluded.expires_at
            RETURNING i.id, i.expires_at, i.xmax::text <> '0'""";

    @Inject
    AccountService accounts;

    @Inject
    Event<InvitationSent> sent;

    /**
     * Invites the email address: an expiring, single-use link (mailed when a mail server is configured) that joins the
     * account with this address (compared trimmed, ignoring case), signing up with it or logged in. Whether some account
     * has this address already plays no part here, and the answer does not tell. An address with an
     * open invitation already gets that one refreshed (a new link, role and expiry; the old link stops working), in
     * one statement, so that two owners inviting at once still leave one open invitation. 422 on {@code field} when it
     * is not an email address.
     */
    @Transactional
    public Created invite(Access access, String email, Role role, String baseUrl, String field) {
        access.requireWrite(Role.OWNER);
        String address = email == null ? "" : email.trim();
        if (!isEmail(address)) {
            throw ValidationException.of(field, NOT_AN_EMAIL);
        }
        String token = Secrets.newValue();
        Object[] row = (Object[]) Invitation.getEntityManager().createNativeQuery(INVITE)
                .setParameter(1, access.project().id).setParameter(2, address).setParameter(3, role.value())
                .setParameter(4, Secrets.hash(token)).setParameter(5, access.accountId()).setParameter(6, VALID_DAYS)
                .getSingleResult();
        String link = baseUrl.replaceAll("/+$", "") + "/invitations/" + token;
        Account inviter = Account.findById(access.accountId());
        sent.fire(new InvitationSent(address, access.project().name, inviter.displayName(), role.label(), link));
        return new Created((UUID) row[0], address, role, link, (Instant) row[1], (Boolean) row[2]);
    }

    /** Whether this looks like an email address (then it is invited; anything else names an account). */
    public static boolean isEmail(String who) {
        return who.length() <= 255 && EMAIL.matcher(who).matches();
    }

    /**
     * A fresh link for an open invitation that lost its first one (links are shown once and only their
     * hash is kept): the old link stops working.
     */
    @Transactional
    public Created renew(Access access, UUID invitationId, String baseUrl) {
        access.requireWrite(Role.OWNER);
        Invitation old = Invitation.findById(invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (old == null || !old.projectId.equals(access.project().id) || !old.usable(Instant.now())) {
            throw ApiException.notFound("No such open invitation");
        }
        old.revokedAt = Instant.now();
        Invitation.flush();
        return invite(access, old.email, old.role, baseUrl, "invitation");
    }

    /** The project's invitations still waiting. */
    public List<InvitationRow> open(Access access) {
        return Invitation.open(access.project().id, Instant.now()).stream()
                .map(i -> new InvitationRow(i.id, i.email, i.role, i.expiresAt)).toList();
    }

    /** An owner withdraws an open invitation; its link stops working. */
    @Transactional
    public void revoke(Access access, UUID invitationId) {
        access.requireWrite(Role.OWNER);
        Invitation i = Invitation.findById(invitationId);
        if (i == null || !i.projectId.equals(access.project().id)) {
            throw ApiException.notFound("No such invitation");
        }
        if (i.revokedAt == null && i.acceptedAt == null) {
            i.revokedAt = Instant.now();
        }
    }

    /**
     * What the link offers to the logged-in account ({@code accountId}, null for a visitor); an unknown link is 404, a
     * used, withdrawn or expired one says so, and so does one for another address than the account's.
     */
    public InvitationView view(String token, UUID accountId) {
        Invitation i = find(token, false);
        Project p = Project.findById(i.projectId);
        String other = accountId == null ? null : otherAccount(i, p, Account.findById(accountId));
        return new InvitationView(token, p.name, i.email, i.role, i.refusal(Instant.now()).orElse(null), other);
    }

    /**
     * The logged-in account takes the invitation: it joins the project (keeping a higher role it already has). Only the
     * account whose email is the invited address may (trimmed, ignoring case): any other is refused (403) and nothing
     * changes, the invitation staying usable by the right account.
     */
    @Transactional
    public Project accept(String token, UUID accountId) {
        Invitation i = usable(token);
        Project p = Project.findById(i.projectId);
        Account a = Account.findById(accountId);
        String other = otherAccount(i, p, a);
        if (other != null) {
            throw ApiException.forbidden(other);
        }
        if (p.isArchived()) {
            throw ApiException.conflict(p.name + " is archived: it takes no new members.");
        }
        Optional<Membership> existing = Membership.find(p, accountId);
        if (existing.isEmpty()) {
            MemberService.persist(p, a, i.role);
        } else if (!existing.get().role.atLeast(i.role)) {
            existing.get().role = i.role;
        }
        i.accept(accountId, Instant.now());
        return p;
    }

    /** A new account and the project it joined. */
    public record Joined(Account account, Project project) {
    }

    /**
     * Creates the invited person's account (even when sign-up is closed) with the invited address and joins them to
     * the project; another email address is refused on the email field (422), with the form's other problems.
     */
    @Transactional
    public Joined signUp(String token, SignupForm form) {
        Invitation i = usable(token);
        FormErrors refused = FormErrors.none();
        if (form.email() != null && !form.email().isBlank() && !sameAddress(form.email(), i.email)) {
            refused.add("email", "This invitation is for " + i.email.trim() + ": sign up with that address, or ask an owner of the project to invite yours");
        }
        Account a = accounts.create(form, refused);
        return new Joined(a, accept(token, a.id));
    }

    /** Why this account may not take the invitation (it is for another address, and what to do), or null when it may. */
    private static String otherAccount(Invitation i, Project p, Account a) {
        if (a != null && sameAddress(a.email, i.email)) {
            return null;
        }
        String invited = i.email.trim();
        String who = a == null ? "another account" : a.username + (a.email == null ? "" : " (" + a.email.trim() + ")");
        return "This invitation is for " + invited + ", but you are logged in as " + who + ". Log out, then log in or sign up with "
                + invited + " to join " + p.name + "; or ask an owner of " + p.name + " to invite your own address.";
    }

    /** Whether two email addresses are the same: trimmed, ignoring case. */
    static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    /** The invitation behind the link, locked so that it is used once, or 404/410 saying why not. */
    private Invitation usable(String token) {
        Invitation i = find(token, true);
        i.refusal(Instant.now()).ifPresent(why -> {
            throw new ApiException(410, why);
        });
        return i;
    }

    private static Invitation find(String token, boolean lock) {
        if (token == null || token.length() > 100) {
            throw ApiException.notFound("No such invitation");
        }
        Invitation i = Invitation.byTokenHash(Secrets.hash(token)).orElseThrow(() -> ApiException.notFound("No such invitation"));
        if (lock) {
            Invitation.getEntityManager().lock(i, LockModeType.PESSIMISTIC_WRITE);
            Invitation.getEntityManager().refresh(i);
        }
        return i;
    }
}
