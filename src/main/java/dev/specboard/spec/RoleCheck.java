package dev.specboard.spec;

import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;

/** The role check the spec and task services share: 403 when the caller's role is below the one needed. */
final class RoleCheck {

    private RoleCheck() {
    }

    static void requireRole(Access access, Role role) {
        if (!access.can(role)) {
            throw ApiException.forbidden("This needs the " + role.value() + " role; yours is " + access.role().value() + ".");
        }
    }
}
