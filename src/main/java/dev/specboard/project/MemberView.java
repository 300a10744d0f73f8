package dev.specboard.project;

import dev.specboard.kernel.Role;
import java.util.UUID;

/**
 * One row of the members page, read with its account in the same query; {@code disabled}: it can no longer log in;
 * {@code lastOwner}: the project's only owner, whom nobody may demote or remove (the page offers neither).
 */
public record MemberView(UUID id, String username, String name, String email, Role role, boolean you, boolean disabled, boolean lastOwner) {

    static MemberView of(Membership m, UUID viewer, long owners) {
        return new MemberView(m.id, m.account.username, m.account.displayName(), m.account.email, m.role,
                m.account.id.equals(viewer), m.account.isDisabled(), m.role == Role.OWNER && owners <= 1);
    }

    public java.util.List<Role> roles() {
        return InviteRow.INVITABLE;
    }
}
