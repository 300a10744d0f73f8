package dev.specboard.account;

import dev.specboard.project.Project;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Profile changes and the account's API tokens, as the account page offers them. */
@ApplicationScoped
public class ProfileService {

    @Inject
    Validation validation;

    @Inject
    ApiTokenService tokens;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SessionService sessions;

    @Transactional
    public Account updateProfile(UUID accountId, ProfileForm form) {
        FormErrors errors = validation.check(form);
        if (!errors.has("email")) {
            Account.findByEmail(form.email()).filter(a -> !a.id.equals(accountId))
                    .ifPresent(a -> errors.add("email", "An account with this email already exists"));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Account a = Account.findById(accountId);
        a.email = form.email().trim();
        a.name = form.name() == null || form.name().isBlank() ? null : form.name().trim();
        return a;
    }

    /** Changes the password and ends every other login of the account; the one that asked ({@code keep}) stays. */
    @Transactional
    public void changePassword(UUID accountId, UUID keep, PasswordForm form) {
        FormErrors errors = validation.check(form);
        Account a = Account.findById(accountId);
        if (!errors.has("currentPassword") && !a.passwordMatches(form.currentPassword())) {
            errors.add("currentPassword", "This is not your current password");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        a.setPassword(form.newPassword());
        sessions.endOthers(accountId, keep);
    }

    /** Creates a token; a project-limited one is checked against the account's own membership. */
    @Transactional
    public ApiTokenService.Created createToken(UUID accountId, TokenForm form) {
        FormErrors errors = validation.check(form);
        UUID projectId = null;
        Role role = null;
        if (form.project() != null && !form.project().isBlank()) {
            role = Role.parse(form.role()).orElse(null);
            if (role == null) {
                errors.add("role", "Choose a role for the token");
            }
            try {
                var access = projectAccess.read(form.project());
                projectId = access.project().id;
                if (role != null && !access.role().atLeast(role)) {
                    errors.add("role", "You cannot give a token a role above your own (" + access.role().value() + ")");
                }
            } catch (RuntimeException e) {
                errors.add("project", "You are not a member of this project");
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return tokens.create(accountId, form.tokenName(), projectId, role);
    }

    /** The account's tokens with the slug of their project, in one query. */
    public List<TokenRow> tokens(UUID accountId) {
        return Project.getEntityManager().createQuery(
                        "select new dev.specboard.account.TokenRow(t.id, t.name, t.tokenPrefix, p.slug, t.role, t.createdAt, t.lastUsedAt, t.revokedAt) "
                                + "from ApiToken t left join Project p on p.id = t.projectId where t.account.id = :a "
                                + "order by case when t.revokedAt is null then 0 else 1 end, t.createdAt desc", TokenRow.class)
                .setParameter("a", accountId).getResultList();
    }
}
