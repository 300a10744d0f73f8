package dev.specboard.project;

import dev.specboard.kernel.Role;
import java.util.List;

/** One row of the invite step; {@code added} marks the row "Add another person" just made, which gets the cursor. */
public record InviteRow(int index, String who, String role, boolean added) {

    public InviteRow(int index, String who, String role) {
        this(index, who, role, false);
    }

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
        return new InviteRow(i, who, role, added);
    }
}
