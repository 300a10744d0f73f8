package dev.specboard.support;

import dev.specboard.account.Account;
import dev.specboard.account.AccountService;
import dev.specboard.account.SignupForm;
import dev.specboard.project.Access;
import dev.specboard.project.Membership;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.ProjectService;
import dev.specboard.kernel.Role;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates real accounts and projects through the real services, with unique names per test. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    AccountService accounts;

    @Inject
    ProjectService projects;

    @Inject
    StoryService stories;

    @Inject
    EntityManager em;

    public static String unique(String prefix) {
        // The separator keeps two names apart whose time digits and sequence number would otherwise join alike ("x1"+"23", "x12"+"3").
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQ.incrementAndGet();
    }

    public Account account(String prefix) {
        String username = unique(prefix);
        return accounts.signup(new SignupForm(username + "@example.test", username, "Test " + prefix, PASSWORD));
    }

    /** An account that is an administrator of this Specboard (as the first account of an installation is). */
    @Transactional
    public Account admin(String prefix) {
        Account a = Account.findById(account(prefix).id);
        a.role = Account.ROLE_ADMIN;
        return a;
    }

    public Project project(Account owner) {
        String slug = unique("p");
        return projects.create(owner.id, new ProjectForm("Project " + slug, slug, "web-app", "quarkus", "A test project"));
    }

    @Transactional
    public Membership addMember(Project project, Account account, Role role) {
        Membership m = new Membership();
        m.project = Project.findById(project.id);
        m.account = Account.findById(account.id);
        m.role = role;
        m.persist();
        return m;
    }

    /** A project with one account per role; handy for walking permission tables. */
    public Team team() {
        Account owner = account("owner");
        Project p = project(owner);
        Account lead = account("lead");
        Account member = account("member");
        Account reviewer = account("reviewer");
        Account viewer = account("viewer");
        Account outsider = account("outsider");
        addMember(p, lead, Role.LEAD);
        addMember(p, member, Role.MEMBER);
        addMember(p, reviewer, Role.REVIEWER);
        addMember(p, viewer, Role.VIEWER);
        return new Team(p, owner, lead, member, reviewer, viewer, outsider);
    }

    /** Draft stories up to US-{@code upTo} in the team's project, for the specs and features that name them. */
    public void stories(Team t, int upTo) {
        Access owner = new Access(t.project(), Role.OWNER, t.owner().id);
        int made = (int) dev.specboard.story.Story.count("projectId", t.project().id);
        for (int n = made + 1; n <= upTo; n++) {
            stories.create(owner, new StoryForm("Story " + n, "As a user I want story " + n, null, null));
        }
    }

    /** A story numbered {@code number}, as a project whose numbering had gone that far would make it. */
    @Transactional
    public void storyNumbered(Team t, int number) {
        em.createNativeQuery("insert into story_counters (project_id, last_number) values (?1, ?2) "
                        + "on conflict (project_id) do update set last_number = excluded.last_number")
                .setParameter(1, t.project().id).setParameter(2, number - 1).executeUpdate();
        stories.create(new Access(t.project(), Role.OWNER, t.owner().id), new StoryForm("Story " + number, "As a user I want it", null, null));
    }

    public record Team(Project project, Account owner, Account lead, Account member, Account reviewer, Account viewer,
                       Account outsider) {
        public String slug() {
            return project.slug;
        }

        public Account as(Role role) {
            return switch (role) {
                case OWNER -> owner;
                case LEAD -> lead;
                case MEMBER -> member;
                case REVIEWER -> reviewer;
                case VIEWER -> viewer;
            };
        }
    }

    public static UUID id(Account a) {
        return a.id;
    }
}
