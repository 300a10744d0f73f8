package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.kernel.Role;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Profile changes and the account's API tokens, as the account page offers them. */
@ApplicationScoped
public class ProfileService {

    @Inject
    Validation validation;

    @Inject
    ApiTokenService tokens;

    @Inject
    ProjectMemberships memberships;

    @Inject
    SessionService sessions;

    @Inject
    AccountService accounts;

    @Inject
    PasswordResetService resets;

    @Inject
    Event<EmailChanged> emailChanged;

    /** Whether the account's new notifications are mailed to it too; answers the setting as saved. */
    @Transactional
    public boolean setEmailNotifications(UUID accountId, boolean on) {
        Account a = Account.findById(accountId);
        a.emailNotifications = on;
        return on;
    }

    /**
     * Saves the name and email. A new email address needs the current password: logins by email and invitations go to
     * it, so a stolen login alone must not be able to change it. Changing it ends every login of the account, the one that
     * asked included (its caller starts a new one for it: a copy of its cookie would outlive the change otherwise), and
     * mails a notice to the old address; reset codes mailed to the old address stop working. Answers whether the email
     * changed.
     */
    @Transactional
    public boolean updateProfile(UUID accountId, ProfileForm form) {
        FormErrors errors = validation.check(form);
        Account a = Account.findById(accountId);
        if (form.email() != null && !form.email().trim().equalsIgnoreCase(a.email)) {
            if (form.password() == null || form.password().isEmpty()) {
                errors.add("password", "Enter your current password to change your email");
            } else if (!accounts.currentPasswordMatches(a, form.password(), "password")) {
                errors.add("password", "This is not your current password");
            }
        }
        // Whether another account has the address is told only with the right password: a stolen login (or a curious
        // colleague at an unlocked screen) must not be able to try address after address, unthrottled.
        if (!errors.has("email") && !errors.has("password")) {
            Account.findByEmail(form.email()).filter(other -> !other.id.equals(accountId))
                    .ifPresent(other -> errors.add("email", "An account with this email already exists"));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        String oldEmail = a.email;
        a.email = form.email().trim();
        a.name = form.name() == null || form.name().isBlank() ? null : form.name().trim();
        if (a.email.equalsIgnoreCase(oldEmail)) {
            return false;
        }
        sessions.endAll(accountId);
        resets.endOpen(accountId);
        emailChanged.fire(new EmailChanged(a.username, oldEmail, a.email));
        return true;
    }

    /**
     * Changes the password and ends every login of the account, the one that asked included: its caller starts a new one
     * for it, so that a copy of the asking login's cookie (the thief's, perhaps) stops working too. When the form asks,
     * all the account's API tokens are revoked too (a thief may have made one); answers how many were.
     */
    @Transactional
    public int changePassword(UUID accountId, PasswordForm form) {
        FormErrors errors = validation.check(form);
        Account a = Account.findById(accountId);
        if (!errors.has("currentPassword") && !accounts.currentPasswordMatches(a, form.currentPassword(), "currentPassword")) {
            errors.add("currentPassword", "This is not your current password");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        a.setPassword(form.newPassword());
        sessions.endAll(accountId);
        resets.endOpen(accountId);
        return form.revokesTokens() ? tokens.revokeAll(accountId) : 0;
    }

    /**
     * Creates a token from the account page, which asks for the current password too (checked like the other forms'):
     * a token outlives the login, so a stolen login alone must not be able to make one.
     */
    @Transactional
    public ApiTokenService.Created createToken(UUID accountId, TokenForm form, String password) {
        FormErrors errors = FormErrors.none();
        if (password == null || password.isEmpty()) {
            errors.add("tokenPassword", "Enter your current password to create a token");
        } else if (!accounts.currentPasswordMatches(Account.findById(accountId), password, "tokenPassword")) {
            errors.add("tokenPassword", "This is not your current password");
        }
        if (errors.any()) {
            validation.check(form).asMap().forEach(errors::add);
            throw new ValidationException(errors);
        }
        return createToken(accountId, form);
    }

    /**
     * Creates a token for a caller who proved their password; a project-limited one gets at most the account's role
     * there (its own role when none is given). A role without a project is refused (422), never ignored.
     */
    @Transactional
    public ApiTokenService.Created createToken(UUID accountId, TokenForm form) {
        FormErrors errors = validation.check(form);
        UUID projectId = null;
        Role role = null;
        if (form.project() != null && !form.project().isBlank()) {
            Optional<ProjectMemberships.MembershipRow> membership = memberships.of(accountId).stream()
                    .filter(m -> m.slug().equals(form.project().trim())).findFirst();
            if (membership.isEmpty()) {
                errors.add("project", "You are not a member of this project");
            } else {
                projectId = membership.get().projectId();
                Role own = membership.get().role();
                role = form.role() == null || form.role().isBlank() ? own : Role.parse(form.role()).orElse(null);
                if (role == null) {
                    errors.add("role", "Choose a role for the token: owner, lead, member, reviewer or viewer");
                } else if (!own.atLeast(role)) {
                    errors.add("role", "You cannot give a token a role above your own (" + own.value() + ")");
                }
            }
        } else if (form.role() != null && !form.role().isBlank()) {
            // Without a project the role would be dropped and the token left unlimited, the opposite of what was asked.
            errors.add("role", "A role limit needs a project");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return tokens.create(accountId, form.tokenName(), projectId, role);
    }

    /** Revokes one of the account's tokens; a caller limited to one project reaches only that project's tokens. */
    @Transactional
    public void revokeToken(UUID accountId, UUID tokenId, Optional<UUID> callerProject) {
        ApiToken t = tokenId == null ? null : ApiToken.findById(tokenId);
        if (t == null || callerProject.isPresent() && !callerProject.get().equals(t.projectId)) {
            throw ApiException.notFound("No such token");
        }
        tokens.revoke(accountId, tokenId);
    }

    /** The account's tokens with the slug of their project, in two queries. */
    public List<TokenRow> tokens(UUID accountId) {
        List<Object[]> rows = ApiToken.getEntityManager().createQuery(
                        "select t.id, t.name, t.tokenPrefix, t.projectId, t.role, t.createdAt, t.lastUsedAt, t.revokedAt from ApiToken t "
                                + "where t.account.id = :a order by case when t.revokedAt is null then 0 else 1 end, t.createdAt desc", Object[].class)
                .setParameter("a", accountId).getResultList();
        Map<UUID, String> slugs = memberships.slugs(rows.stream().map(r -> (UUID) r[3]).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> new TokenRow((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], r[3] == null ? null : slugs.get((UUID) r[3]),
                (Role) r[4], (Instant) r[5], (Instant) r[6], (Instant) r[7])).toList();
    }
}
