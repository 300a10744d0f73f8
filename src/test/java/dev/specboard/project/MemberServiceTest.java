package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.account.AccountDirectory;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MemberServiceTest {

    @Inject
    MemberService members;

    @Inject
    ProjectService projects;

    @Inject
    InvitationService invitations;

    @Inject
    TestData data;

    @Inject
    AccountDirectory directory;

    private static Access access(Project p, Account a, Role role) {
        return new Access(p, role, a.id);
    }

    /** Read in a transaction of its own, so the test sees what is committed, not a cached entity. */
    private static Membership membership(Project p, Account a) {
        return QuarkusTransaction.requiringNew().call(() -> Membership.find(p, a.id).orElseThrow());
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        Membership m = membership(t.project(), t.owner());
        ApiException demote = assertThrows(ApiException.class, () -> members.changeRole(owner, m.id, Role.LEAD));
        assertEquals(409, demote.status());
        assertTrue(demote.getMessage().contains("last owner"));
        ApiException remove = assertThrows(ApiException.class, () -> members.remove(owner, m.id));
        assertEquals(409, remove.status());
        assertEquals(Role.OWNER, membership(t.project(), t.owner()).role);
    }

    @Test
    void withASecondOwnerTheFirstMayStepDown() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        members.changeRole(owner, membership(t.project(), t.lead()).id, Role.OWNER);
        members.changeRole(owner, membership(t.project(), t.owner()).id, Role.MEMBER);
        assertEquals(Role.MEMBER, membership(t.project(), t.owner()).role);
        Access newOwner = access(t.project(), t.lead(), Role.OWNER);
        members.remove(newOwner, membership(t.project(), t.owner()).id);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Membership.find(t.project(), t.owner().id).isEmpty()));
    }

    /** A link an owner kept from before being demoted or removed no longer brings anyone in; other owners' links still do. */
    @Test
    void anOwnerDemotedOrRemovedLeavesNoWorkingInvitationBehind() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        members.changeRole(owner, membership(t.project(), t.lead()).id, Role.OWNER);
        members.changeRole(owner, membership(t.project(), t.member()).id, Role.OWNER);
        String byLead = invite(access(t.project(), t.lead(), Role.OWNER), Role.OWNER);
        String byMember = invite(access(t.project(), t.member(), Role.OWNER), Role.OWNER);
        String byOwner = invite(owner, Role.VIEWER);
        members.changeRole(owner, membership(t.project(), t.lead()).id, Role.LEAD);
        members.remove(owner, membership(t.project(), t.member()).id);
        assertEquals("This invitation was withdrawn; ask for a new one.", refusal(byLead), "demoted from owner");
        assertEquals("This invitation was withdrawn; ask for a new one.", refusal(byMember), "removed");
        assertNull(refusal(byOwner), "an owner's own link still works");
    }

    private String invite(Access by, Role role) {
        String link = QuarkusTransaction.requiringNew().call(() -> invitations.invite(by, TestData.unique("kept") + "@example.test", role,
                "http://localhost", "email").link());
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String refusal(String token) {
        return QuarkusTransaction.requiringNew().call(() -> invitations.view(token, null).refusal());
    }

    @Test
    void onlyOwnersManageMembers() {
        TestData.Team t = data.team();
        Access lead = access(t.project(), t.lead(), Role.LEAD);
        ApiException e = assertThrows(ApiException.class, () -> members.add(lead, t.outsider().username, Role.VIEWER));
        assertEquals(403, e.status());
        assertThrows(ApiException.class, () -> members.remove(lead, membership(t.project(), t.viewer()).id));
    }

    @Test
    void addingFindsAccountsByUsernameOnlyAndRefusesUnknownOrPresentOnes() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        ValidationException byEmail = assertThrows(ValidationException.class, () -> members.add(owner, t.outsider().email, Role.REVIEWER));
        assertTrue(byEmail.errors().has("who"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), t.outsider().id).isEmpty()),
                "an email address never adds the account that happens to have it");
        members.add(owner, t.outsider().username.toUpperCase(), Role.REVIEWER);
        assertEquals(Role.REVIEWER, membership(t.project(), t.outsider()).role);
        ValidationException unknown = assertThrows(ValidationException.class, () -> members.add(owner, "no-such-person", Role.VIEWER));
        assertTrue(unknown.errors().get("who").contains("no-such-person"));
        ValidationException present = assertThrows(ValidationException.class, () -> members.add(owner, t.member().username, Role.VIEWER));
        assertTrue(present.errors().get("who").contains("already a member"));
    }

    @Test
    void aDisabledAccountIsNeitherAddedNorOfferedForMentions() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        Account admin = data.admin("adm");
        directory.setDisabled(t.outsider().username, true, admin.id);
        ValidationException refused = assertThrows(ValidationException.class, () -> members.add(owner, t.outsider().username, Role.VIEWER));
        assertTrue(refused.errors().get("who").contains("disabled"), refused.errors().get("who"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), t.outsider().id).isEmpty()));

        // A member whose account is disabled stays a member (their work keeps its author) but is no longer offered.
        String prefix = t.reviewer().username.substring(0, t.reviewer().username.length() - 1);
        assertEquals(1, members.suggest(owner, prefix).stream().filter(s -> s.username().equals(t.reviewer().username)).count());
        directory.setDisabled(t.reviewer().username, true, admin.id);
        assertEquals(0, members.suggest(owner, prefix).stream().filter(s -> s.username().equals(t.reviewer().username)).count());
        directory.setDisabled(t.outsider().username, false, admin.id);
        members.add(owner, t.outsider().username, Role.VIEWER);
        assertEquals(Role.VIEWER, membership(t.project(), t.outsider()).role);
    }

    @Test
    void archivedProjectsRefuseMemberChangesWith409() {
        TestData.Team t = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        Project archived = projects.archive(owner);
        Access now = access(archived, t.owner(), Role.OWNER);
        ApiException e = assertThrows(ApiException.class, () -> members.add(now, t.outsider().username, Role.VIEWER));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("archived"));
        projects.unarchive(now);
    }

    @Test
    void aMemberOfAnotherProjectCannotBeChangedThroughThisOne() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        Access owner = access(t.project(), t.owner(), Role.OWNER);
        ApiException e = assertThrows(ApiException.class,
                () -> members.changeRole(owner, membership(other.project(), other.member()).id, Role.VIEWER));
        assertEquals(404, e.status());
    }
}
