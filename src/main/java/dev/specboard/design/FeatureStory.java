package dev.specboard.design;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A user story that realises a feature; {@code drafted} when the story was drafted from the feature. */
@Entity
@Table(name = "feature_stories")
public class FeatureStory extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "feature_id") UUID featureId, @Column(name = "story_id") UUID storyId) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    public boolean drafted;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static FeatureStory of(UUID featureId, UUID storyId, boolean drafted) {
        FeatureStory fs = new FeatureStory();
        fs.id = new Key(featureId, storyId);
        fs.drafted = drafted;
        return fs;
    }

    /** The stories linked to a feature now, by id: whether drafted from it (plain values, so no link joins the session). */
    static Map<UUID, Boolean> links(UUID featureId) {
        Map<UUID, Boolean> links = new HashMap<>();
        getEntityManager().createQuery("select fs.id.storyId, fs.drafted from FeatureStory fs where fs.id.featureId = :f", Object[].class)
                .setParameter("f", featureId).getResultList().forEach(r -> links.put((UUID) r[0], (Boolean) r[1]));
        return links;
    }

    /** Of these stories, those not drafted from the feature ({@code links}: the stories linked now, see {@link #links}). */
    static Set<UUID> handLinked(Map<UUID, Boolean> links, Collection<UUID> stories) {
        return stories.stream().filter(id -> !Boolean.TRUE.equals(links.get(id))).collect(Collectors.toSet());
    }

    /** The specs written for these stories with their tasks done and total, in one query. */
    static Map<Integer, List<FeatureView.SpecRef>> specsByStory(UUID projectId, List<Integer> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<FeatureView.SpecRef>> out = new HashMap<>();
        for (Object[] r : getEntityManager().createQuery("select s.storyNumber, s.specNumber, s.title, s.status, count(t), "
                        + "sum(case when t.status in :done then 1 else 0 end) "
                        + "from TechnicalSpec s left join ImplementationTask t on t.spec = s where s.project.id = :p and s.storyNumber in :n "
                        + "group by s.storyNumber, s.specNumber, s.title, s.status order by s.specNumber", Object[].class)
                .setParameter("p", projectId).setParameter("n", numbers)
                .setParameter("done", List.of(dev.specboard.spec.TaskStatus.COMPLETED, dev.specboard.spec.TaskStatus.MERGED)).getResultList()) {
            out.computeIfAbsent((Integer) r[0], k -> new ArrayList<>()).add(new FeatureView.SpecRef("SPEC-" + r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), r[5] == null ? 0 : ((Number) r[5]).intValue()));
        }
        return out;
    }
}
