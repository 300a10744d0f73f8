package dev.specboard.project;

import dev.specboard.account.ProjectMemberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Answers account's questions about projects (the token form and list) from the project policy and the project list. */
@ApplicationScoped
public class AccountProjectMemberships implements ProjectMemberships {

    @Inject
    ProjectService projects;

    @Inject
    ProjectAccess projectAccess;

    @Override
    public List<MembershipRow> of(UUID accountId) {
        return projects.listFor(accountId, false).stream().map(r -> new MembershipRow(r.id(), r.slug(), r.name(), r.role())).toList();
    }

    @Override
    public Optional<MembershipRow> find(String slug) {
        try {
            Access access = projectAccess.read(slug);
            return Optional.of(new MembershipRow(access.project().id, access.slug(), access.project().name, access.role()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<UUID, String> slugs(Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        return Project.getEntityManager().createQuery("select p.id, p.slug from Project p where p.id in :ids", Object[].class)
                .setParameter("ids", projectIds).getResultList().stream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> (String) r[1]));
    }
}
