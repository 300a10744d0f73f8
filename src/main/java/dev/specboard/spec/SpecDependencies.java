package dev.specboard.spec;

import dev.specboard.kernel.DependencyGraph;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/** Adds, replaces and removes the "depends on" edges between a project's specs, refusing any edge that closes a cycle. */
@ApplicationScoped
public class SpecDependencies {

    /** What a change of the dependencies writes: their table, and the waiter counts its trigger keeps on the tasks. */
    private static final String[] WRITES = {"spec_dependencies", "implementation_tasks"};

    @Inject
    EntityManager em;

    /** Adds "spec depends on other"; refuses an edge that closes a cycle, naming the cycle (409). */
    @Transactional
    public void add(Access access, String key, String dependsOnKey) {
        access.requireWrite(Role.MEMBER);
        TechnicalSpec.lockProject(access.project());
        TechnicalSpec spec = TechnicalSpec.byKey(access.project(), key);
        TechnicalSpec target = TechnicalSpec.findByKey(access.project(), dependsOnKey)
                .orElseThrow(() -> ValidationException.of("dependsOn", "There is no " + dependsOnKey + " in this project"));
        refuseCycle(access.project(), spec, target);
        insert(spec, target);
    }

    @Transactional
    public void remove(Access access, String key, String dependsOnKey) {
        access.requireWrite(Role.MEMBER);
        TechnicalSpec.lockProject(access.project());
        TechnicalSpec spec = TechnicalSpec.byKey(access.project(), key);
        TechnicalSpec.findByKey(access.project(), dependsOnKey).ifPresent(target ->
                QuerySpaces.touching(em.createNativeQuery("DELETE FROM spec_dependencies WHERE spec_id = ?1 AND depends_on_id = ?2"), WRITES)
                        .setParameter(1, spec.id).setParameter(2, target.id).executeUpdate());
    }

    /**
     * Makes the spec depend on exactly these specs (keys checked by the caller), refusing a cycle as {@link #add} does;
     * runs under the project's spec lock that the caller took first (it also guards the caller's task changes).
     */
    void replace(TechnicalSpec.ProjectLock held, TechnicalSpec spec, List<String> keys) {
        held.requireFor(spec.project);
        QuerySpaces.touching(em.createNativeQuery("DELETE FROM spec_dependencies WHERE spec_id = ?1"), WRITES).setParameter(1, spec.id).executeUpdate();
        for (String k : keys) {
            TechnicalSpec target = TechnicalSpec.findByKey(spec.project, k).orElseThrow();
            refuseCycle(spec.project, spec, target);
            insert(spec, target);
        }
    }

    /** The numbers of the specs this spec depends on now. */
    Set<Integer> numbersOf(TechnicalSpec spec) {
        Set<Integer> numbers = new HashSet<>();
        for (Object n : em.createNativeQuery("SELECT d.spec_number FROM spec_dependencies x JOIN technical_specs d ON d.id = x.depends_on_id"
                + " WHERE x.spec_id = ?1").setParameter(1, spec.id).getResultList()) {
            numbers.add(((Number) n).intValue());
        }
        return numbers;
    }

    /** Adds the edge without a cycle check: for a spec just created, which nothing depends on yet. */
    void insert(TechnicalSpec spec, TechnicalSpec target) {
        em.flush();
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO spec_dependencies (spec_id, depends_on_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"), WRITES)
                .setParameter(1, spec.id).setParameter(2, target.id).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private void refuseCycle(Project project, TechnicalSpec spec, TechnicalSpec target) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.spec_number, b.spec_number FROM spec_dependencies x
                JOIN technical_specs a ON a.id = x.spec_id JOIN technical_specs b ON b.id = x.depends_on_id
                WHERE a.project_id = ?1""").setParameter(1, project.id).getResultList();
        List<DependencyGraph.Edge<String>> edges = new ArrayList<>();
        for (Object[] r : rows) {
            edges.add(new DependencyGraph.Edge<>("SPEC-" + r[0], "SPEC-" + r[1]));
        }
        new DependencyGraph<>(List.of(), edges).cycleIfAdded(spec.key(), target.key()).ifPresent(cycle -> {
            Map<String, Object> details = new HashMap<>();
            details.put("cycle", cycle);
            throw ApiException.conflict("That dependency would close a cycle: " + String.join(" → ", cycle), details);
        });
    }
}
