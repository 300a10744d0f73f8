package dev.specboard.design;

import dev.specboard.kernel.QuerySpaces;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A piece of functionality a user described (seed 004's features): what it does, the pages it touches,
 * the data it creates, reads, updates and deletes, its rules; realised by user stories, whose progress
 * its status follows.
 */
@Entity
@Table(name = "features")
public class Feature extends EditedEntity {

    public static final List<String> STATUSES = List.of("planned", "in-progress", "completed");
    public static final List<String> CATEGORIES = List.of("auth", "content", "social", "admin", "payment", "other");

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    public String name;

    @Column(name = "user_description")
    public String userDescription;

    public String category;

    public String status = "planned";

    @Column(name = "affected_pages", columnDefinition = "uuid[]")
    public List<UUID> affectedPages = new ArrayList<>();

    @Column(name = "required_journeys", columnDefinition = "uuid[]")
    public List<UUID> requiredJourneys = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_operations")
    public String dataOperations = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ui_requirements")
    public String uiRequirements = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "business_rules")
    public String businessRules = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "technical_requirements")
    public String technicalRequirements = "{}";

    @Column(name = "detected_from_mockups")
    public boolean detectedFromMockups;

    @Column(name = "wizard_generated")
    public boolean wizardGenerated;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "visual_specifications")
    public String visualSpecifications = "{}";

    public int version = 1;

    /**
     * What the assistant changed in the background since a person last saved the feature ({@link AssistantChange}s): an
     * edit begun before them is merged with them, not refused as stale, for no person changed what it was based on.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "assistant_changes")
    public String assistantChanges = "[]";

    /** One data operation the assistant added ({@code added}) or took out, and the version that made it. */
    public record AssistantChange(int version, String op, String entity, boolean added) {
    }

    /**
     * Saves the feature's operations changed by the assistant from {@code before} as a new version, noting each change
     * so that an edit begun before it still saves (see {@link #mergeAssistantChanges}).
     */
    void savedByAssistant(DataOperations before) {
        DataOperations now = operations();
        version++;
        savedBy(null);
        List<AssistantChange> changes = new ArrayList<>(List.of(DesignJson.read(assistantChanges, AssistantChange[].class, new AssistantChange[0])));
        for (String op : OPERATIONS) {
            now.of(op).stream().filter(e -> !before.of(op).contains(e)).forEach(e -> changes.add(new AssistantChange(version, op, e, true)));
            before.of(op).stream().filter(e -> !now.of(op).contains(e)).forEach(e -> changes.add(new AssistantChange(version, op, e, false)));
        }
        if (changes.size() > MAX_ASSISTANT_CHANGES) {
            // Keep whole versions: an edit based on a version whose changes were dropped is a conflict, as it should be.
            int oldestKept = changes.get(changes.size() - MAX_ASSISTANT_CHANGES).version();
            changes.removeIf(c -> c.version() <= oldestKept);
        }
        assistantChanges = DesignJson.write(changes.toArray(new AssistantChange[0]));
    }

    /** How many of the assistant's changes a feature keeps for merging: edits begun longer ago than that are conflicts. */
    static final int MAX_ASSISTANT_CHANGES = 200;

    /**
     * The operations of an edit based on version {@code base} with what the assistant changed since: empty when a person
     * (or anything but the assistant's operations) made one of the versions after {@code base}, a real conflict.
     */
    Optional<DataOperations> mergeAssistantChanges(int base, DataOperations edited) {
        List<AssistantChange> changes = List.of(DesignJson.read(assistantChanges, AssistantChange[].class, new AssistantChange[0]));
        java.util.Set<Integer> byAssistant = new java.util.HashSet<>();
        changes.forEach(c -> byAssistant.add(c.version()));
        for (int v = base + 1; v <= version; v++) {
            if (!byAssistant.contains(v)) {
                return Optional.empty();
            }
        }
        DataOperations out = edited;
        for (AssistantChange c : changes) {
            if (c.version() > base) {
                out = c.added() ? out.with(c.op(), c.entity()) : out.without(c.op(), c.entity());
            }
        }
        return Optional.of(out);
    }

    /** The seed's {@code data_operations}: the entities a feature creates, reads, updates and deletes. */
    public record DataOperations(List<String> creates, List<String> reads, List<String> updates, List<String> deletes) {
        public static DataOperations empty() {
            return new DataOperations(List.of(), List.of(), List.of(), List.of());
        }

        public DataOperations {
            creates = creates == null ? List.of() : creates;
            reads = reads == null ? List.of() : reads;
            updates = updates == null ? List.of() : updates;
            deletes = deletes == null ? List.of() : deletes;
        }

        public boolean none() {
            return creates.isEmpty() && reads.isEmpty() && updates.isEmpty() && deletes.isEmpty();
        }

        /** The entities of one operation ({@code creates}, {@code reads}, {@code updates}, {@code deletes}). */
        public List<String> of(String op) {
            return switch (op) {
                case "creates" -> creates;
                case "reads" -> reads;
                case "updates" -> updates;
                case "deletes" -> deletes;
                default -> List.of();
            };
        }

        /** These operations with one more entity under {@code op} (unchanged when it is there already). */
        public DataOperations with(String op, String entity) {
            if (of(op).contains(entity)) {
                return this;
            }
            return change(op, entity, true);
        }

        /** These operations without an entity under {@code op}. */
        public DataOperations without(String op, String entity) {
            return change(op, entity, false);
        }

        private DataOperations change(String op, String entity, boolean add) {
            List<List<String>> all = new ArrayList<>();
            for (String o : OPERATIONS) {
                List<String> l = new ArrayList<>(of(o));
                if (o.equals(op)) {
                    l.remove(entity);
                    if (add) {
                        l.add(entity);
                    }
                }
                all.add(l);
            }
            return new DataOperations(all.get(0), all.get(1), all.get(2), all.get(3));
        }
    }

    /** The four data operations, in the seed's order. */
    public static final List<String> OPERATIONS = List.of("creates", "reads", "updates", "deletes");

    /** The seed's {@code technical_requirements}: {@code {"needs": [...]}}. */
    public record TechnicalRequirements(List<String> needs) {
        public TechnicalRequirements {
            needs = needs == null ? List.of() : needs;
        }
    }

    public static Optional<Feature> inProject(UUID projectId, UUID id) {
        return id == null ? Optional.empty() : find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    /**
     * Drops a journey being deleted from every feature of the project that requires it (a uuid[] has no foreign key).
     * The features are locked before the journey ({@code lockJourney}), the order a feature's save takes them: its own
     * row, then the journeys it names with a share lock. A save naming the journey then either commits first and is
     * cleaned here, or waits and finds the journey gone; the opposite order let a save keep a deleted journey's id.
     * Each feature changed is a new version saved {@code by} the member deleting the journey.
     */
    public static void dropJourney(UUID projectId, UUID journeyId, Runnable lockJourney, UUID by) {
        drop("required_journeys", projectId, journeyId, lockJourney, by);
    }

    /**
     * Drops a page being deleted from every feature of the project that affects it, in the same order as
     * {@link #dropJourney}: the features first, then the page ({@code lockPage}); a feature's save takes a share lock
     * on the pages it names after its own row.
     */
    public static void dropPage(UUID projectId, UUID pageId, Runnable lockPage, UUID by) {
        drop("affected_pages", projectId, pageId, lockPage, by);
    }

    private static void drop(String column, UUID projectId, UUID id, Runnable lockTarget, UUID by) {
        jakarta.persistence.EntityManager em = getEntityManager();
        QuerySpaces.touching(em.createNativeQuery("SELECT id FROM features WHERE project_id = ?2 AND ?1 = ANY (" + column + ") FOR UPDATE"),
                "features").setParameter(1, id).setParameter(2, projectId).getResultList();
        lockTarget.run();
        QuerySpaces.touching(em.createNativeQuery("UPDATE features SET " + column + " = array_remove(" + column + ", ?1), version = version + 1, "
                + "updated_by = ?3, updated_by_assistant = false, updated_at = now() WHERE project_id = ?2 AND ?1 = ANY (" + column + ")"), "features")
                .setParameter(1, id).setParameter(2, projectId).setParameter(3, by).executeUpdate();
    }

    public DataOperations operations() {
        return DesignJson.read(dataOperations, DataOperations.class, DataOperations.empty());
    }

    public List<String> uiRequirementList() {
        return List.of(DesignJson.read(uiRequirements, String[].class, new String[0]));
    }

    public List<String> businessRuleList() {
        return List.of(DesignJson.read(businessRules, String[].class, new String[0]));
    }

    public List<String> technicalNeeds() {
        return DesignJson.read(technicalRequirements, TechnicalRequirements.class, new TechnicalRequirements(List.of())).needs();
    }

    /**
     * The status that follows from the statuses of the stories realising it: every story implemented makes
     * it completed, any story beyond a draft in progress; without stories it keeps the status set by hand.
     */
    public static String statusFrom(Collection<String> storyStatuses, String own) {
        if (storyStatuses.isEmpty()) {
            return own;
        }
        if (storyStatuses.stream().allMatch("implemented"::equals)) {
            return "completed";
        }
        return storyStatuses.stream().anyMatch(s -> !"draft".equals(s)) ? "in-progress" : "planned";
    }
}
