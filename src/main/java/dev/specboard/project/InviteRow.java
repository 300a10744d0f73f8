package dev.specboard.project;

import dev.specboard.kernel.Role;
import java.util.List;

/** One row of the invite step. */
public record InviteRow(int index, String who, String role) {

    public static final List<Role> INVITABLE = List.of(Role.values());

    public List<Role> roles() {
        return INVITABLE;
    }

    public String whoField() {
        return "who-" + index;
    }

    public String roleField() {
        return "role-" + index;
    }

    public InviteRow withIndex(int i) {
        return new InviteRow(i, who, role);
    }
}
