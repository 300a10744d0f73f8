package dev.specboard.account;

import dev.specboard.kernel.Role;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The projects an account belongs to, as its project-limited API tokens need them. Projects are a
 * feature above account, which implements this; account code never reads a project itself.
 */
public interface ProjectMemberships {

    /** One project the account belongs to, with its role there. */
    record MembershipRow(UUID projectId, String slug, String name, Role role) {
    }

    /** The account's projects with its role in each, for the token form. */
    List<MembershipRow> of(UUID accountId);

    /** The signed-in caller's project with this slug and the caller's role there, unless the caller may not read it. */
    Optional<MembershipRow> find(String slug);

    /** The slugs of these projects, for the token list. */
    Map<UUID, String> slugs(Collection<UUID> projectIds);
}
