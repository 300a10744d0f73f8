package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.specboard.web.Markdown;
import java.util.HashSet;
import java.util.Set;

/** An account's role in a project. */
@Entity
@Table(name = "project_memberships")
public class Membership extends TimestampedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public Account account;

    @Convert(converter = Role.Converter.class)
    public Role role = Role.MEMBER;

    public static Optional<Membership> find(Project project, UUID accountId) {
        return find("project = ?1 and account.id = ?2", project, accountId).firstResultOptional();
    }

    /** Members with their accounts, owners first and then down the roles, by username within a role, in one query. */
    public static List<Membership> listWithAccounts(Project project) {
        return find("from Membership m join fetch m.account where m.project = :project order by " + RANK + " desc, lower(m.account.username)",
                rankParameters().and("project", project)).list();
    }

    /**
     * A role's rank in the enum's order: roles are stored as text, and "viewer" sorts above "owner" alphabetically. One
     * parameter per role keeps the query text the same at every call.
     */
    private static final String RANK = java.util.Arrays.stream(Role.values())
            .map(r -> " when m.role = :" + r.value() + " then " + r.ordinal()).collect(java.util.stream.Collectors.joining("", "case", " end"));

    private static Parameters rankParameters() {
        Parameters p = new Parameters();
        for (Role r : Role.values()) {
            p.and(r.value(), r);
        }
        return p;
    }

    /**
     * Gives this member another role; demoting the project's last owner is refused with 409, since a project always keeps
     * one. The owners are counted only when an owner is demoted.
     */
    public void changeRole(Role newRole, java.util.function.LongSupplier owners) {
        if (role == Role.OWNER && newRole != Role.OWNER && owners.getAsLong() <= 1) {
            throw ApiException.conflict(account.username + " is the last owner of " + project.name
                    + " and cannot be demoted. Make someone else owner first.");
        }
        role = newRole;
    }

    /** Refuses with 409 to let the project's last owner go; the owners are counted only when this member is one. */
    public void checkRemovable(java.util.function.LongSupplier owners) {
        if (role == Role.OWNER && owners.getAsLong() <= 1) {
            throw ApiException.conflict(account.username + " is the last owner of " + project.name
                    + " and cannot be removed. Make someone else owner first.");
        }
    }

    public static long countOwners(Project project) {
        return count("project = ?1 and role = ?2", project, Role.OWNER);
    }

    /** Everyone in the project with at least this role (for notifications: "to the leads"). */
    public static List<Membership> withRoleAtLeast(Project project, Role min) {
        List<Role> roles = java.util.Arrays.stream(Role.values()).filter(r -> r.atLeast(min)).toList();
        return find("from Membership m join fetch m.account where m.project = ?1 and m.role in ?2", project, roles).list();
    }

    /**
     * Rendered markdown texts (nulls kept) whose {@code @mentions} link only the project's members: anyone else is plain
     * {@code @name}, since their page is a 404 to the project's readers (an assistant's answer names whoever the model
     * wrote). One query, and only when a text mentions someone.
     */
    public static List<String> mentionLinksOfMembersOnly(Project project, List<String> htmls) {
        Set<String> mentioned = new HashSet<>();
        htmls.forEach(h -> mentioned.addAll(Markdown.mentionedIn(h)));
        if (mentioned.isEmpty()) {
            return htmls;
        }
        Set<String> members = new HashSet<>(getEntityManager().createQuery(
                        "select lower(m.account.username) from Membership m where m.project = ?1 and lower(m.account.username) in ?2", String.class)
                .setParameter(1, project).setParameter(2, mentioned).getResultList());
        return htmls.stream().map(h -> Markdown.unlinkMentions(h, members)).toList();
    }
}
