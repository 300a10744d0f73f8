package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The entity model: every entity with its fields and the thoughts behind them, the picture with its key and the DDL. */
public record EntityListView(Access access, List<InferredEntity> entities, Map<String, Thought> thoughts, String svg, String key,
                             String ddl,
                             UUID failedEntity, FormErrors errors) {

    /** The thought behind a field, an entity or a relationship, or null. */
    public Thought thought(InferredEntity e, String kind, String name) {
        return thoughts.get(Thought.key(kind + ":" + e.inferredName + (name == null || name.isEmpty() ? "" : "." + name)));
    }

    public Thought entityThought(InferredEntity e) {
        return thoughts.get("entity:" + e.inferredName);
    }

    public Thought fieldThought(InferredEntity e, String field) {
        return thoughts.get(Thought.key("field:" + e.inferredName + "." + field));
    }

    /** The types a field may be given. */
    public List<String> fieldTypes() {
        return EntityModel.FIELD_TYPES;
    }

    public boolean failed(InferredEntity e) {
        return e.id.equals(failedEntity);
    }
}
