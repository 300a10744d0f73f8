package dev.specboard.people;

import dev.specboard.account.Account;
import dev.specboard.project.Membership;
import dev.specboard.spec.TaskStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Person pages: what one account does in the projects the viewer shares with it, in four statements whatever the rows. */
@ApplicationScoped
public class PeopleService {

    /** The newest stories per project a person page lists. */
    static final int STORIES_PER_PROJECT = 5;
    /** The most stories read at all (the newest first), before keeping {@link #STORIES_PER_PROJECT} per project. */
    private static final int STORIES_READ = 200;

    /**
     * The person named, as the viewer may see them: empty for an unknown name and for someone who shares no project with
     * the viewer. A site administrator, who sees every project, sees every person (the accounts page links each one).
     */
    @Transactional
    public Optional<PersonView> person(UUID viewerId, boolean admin, String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Optional.empty();
        }
        Optional<Account> found = Account.findByUsername(username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account person = found.get();
        boolean you = person.id.equals(viewerId);
        List<Membership> shared = Membership.find("from Membership m join fetch m.project p where m.account.id = ?1"
                        + " and (?3 = true or p.id in (select v.project.id from Membership v where v.account.id = ?2)) order by lower(p.name)",
                person.id, viewerId, admin).list();
        if (shared.isEmpty() && !you && !admin) {
            return Optional.empty();
        }
        List<UUID> projectIds = shared.stream().map(m -> m.project.id).toList();
        Map<UUID, List<HeldTaskRow>> tasks = new LinkedHashMap<>();
        Map<UUID, List<AuthoredStoryRow>> stories = new LinkedHashMap<>();
        if (!projectIds.isEmpty()) {
            Panache.getEntityManager().createQuery("select new dev.specboard.people.HeldTaskRow(t.project.id, t.taskKey, t.scope, t.status)"
                            + " from ImplementationTask t where t.claimedBy.id = :person and t.status in :held and t.project.id in :projects"
                            + " order by t.spec.id, t.taskNumber", HeldTaskRow.class)
                    .setParameter("person", person.id).setParameter("held", List.of(TaskStatus.CLAIMED, TaskStatus.IN_PROGRESS))
                    .setParameter("projects", projectIds)
                    .getResultList().forEach(t -> tasks.computeIfAbsent(t.projectId(), k -> new ArrayList<>()).add(t));
            Panache.getEntityManager().createQuery("select new dev.specboard.people.AuthoredStoryRow(s.projectId, s.number, s.title, s.status, s.review, s.createdAt)"
                            + " from Story s where s.authorId = :person and s.projectId in :projects order by s.createdAt desc, s.number desc",
                            AuthoredStoryRow.class)
                    .setParameter("person", person.id).setParameter("projects", projectIds).setMaxResults(STORIES_READ)
                    .getResultList().forEach(s -> {
                        List<AuthoredStoryRow> list = stories.computeIfAbsent(s.projectId(), k -> new ArrayList<>());
                        if (list.size() < STORIES_PER_PROJECT) {
                            list.add(s);
                        }
                    });
        }
        List<SharedProjectRow> projects = shared.stream().map(m -> new SharedProjectRow(m.project.slug, m.project.name, m.role,
                tasks.getOrDefault(m.project.id, List.of()), stories.getOrDefault(m.project.id, List.of()))).toList();
        return Optional.of(new PersonView(person.username, person.name, you, person.isDisabled(), projects));
    }
}
