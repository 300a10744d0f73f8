package dev.specboard.project;

import dev.specboard.kernel.Role;
import jakarta.ws.rs.FormParam;

/** Add one account by username, or invite an email address, with a role. */
public record MemberForm(@FormParam("who") String who, @FormParam("role") String role) {

    public static MemberForm empty() {
        return new MemberForm("", Role.MEMBER.value());
    }

    public java.util.List<Role> roles() {
        return InviteRow.INVITABLE;
    }
}
