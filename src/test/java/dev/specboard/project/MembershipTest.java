package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The membership's and project's own rules: a project keeps its last owner; archiving only switches its status. */
class MembershipTest {

    private static Membership member(Role role) {
        Project p = new Project();
        p.name = "Shop";
        Account a = new Account();
        a.username = "ada";
        Membership m = new Membership();
        m.project = p;
        m.account = a;
        m.role = role;
        return m;
    }

    private static long unexpectedCount() {
        throw new AssertionError("the owners are counted only when an owner is demoted or removed");
    }

    @Test
    void theLastOwnerIsNotDemoted() {
        Membership m = member(Role.OWNER);
        ApiException refused = assertThrows(ApiException.class, () -> m.changeRole(Role.LEAD, () -> 1));
        assertEquals(409, refused.status());
        assertEquals("ada is the last owner of Shop and cannot be demoted. Make someone else owner first.", refused.getMessage());
        assertEquals(Role.OWNER, m.role);
        m.changeRole(Role.LEAD, () -> 2);
        assertEquals(Role.LEAD, m.role);
    }

    @Test
    void otherRoleChangesNeedNoCount() {
        Membership m = member(Role.MEMBER);
        m.changeRole(Role.OWNER, MembershipTest::unexpectedCount);
        assertEquals(Role.OWNER, m.role);
        m.changeRole(Role.OWNER, MembershipTest::unexpectedCount);
        assertEquals(Role.OWNER, m.role);
    }

    @Test
    void theLastOwnerIsNotRemoved() {
        ApiException refused = assertThrows(ApiException.class, () -> member(Role.OWNER).checkRemovable(() -> 1));
        assertEquals(409, refused.status());
        assertEquals("ada is the last owner of Shop and cannot be removed. Make someone else owner first.", refused.getMessage());
        member(Role.OWNER).checkRemovable(() -> 2);
        member(Role.VIEWER).checkRemovable(MembershipTest::unexpectedCount);
    }

    @Test
    void archivingSwitchesTheStatusBothWays() {
        Project p = new Project();
        p.archive();
        assertTrue(p.isArchived());
        p.unarchive();
        assertFalse(p.isArchived());
        assertEquals(Project.STATUS_ACTIVE, p.status);
    }
}
