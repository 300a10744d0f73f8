package dev.specboard.design;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a thought came from, as stored on it: one kind ({@code page}, {@code mockup}, {@code feature}, {@code journey})
 * and the ids of those things with their names at the time, so that a source deleted since still shows its name.
 */
public record ThoughtSource(String kind, List<UUID> ids, List<String> names) {

    public static final List<String> KINDS = List.of("page", "mockup", "feature", "journey");

    public ThoughtSource {
        if (!KINDS.contains(kind) || ids.size() != names.size()) {
            throw new IllegalArgumentException("A thought source is one of " + KINDS + " with a name per id: " + kind);
        }
        ids = List.copyOf(ids);
        names = List.copyOf(names);
    }

    public static ThoughtSource of(String kind, UUID id, String name) {
        return new ThoughtSource(kind, List.of(id), List.of(name));
    }

    /** A page as an inference names it (by path or by name): its id and name. */
    record PageName(UUID id, String name) {
    }

    /** The pages of {@code keys} (paths or names, as an inference names them) that {@code pages} knows, in that order, each once. */
    static ThoughtSource pages(List<String> keys, java.util.Map<String, PageName> pages) {
        List<UUID> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            PageName p = pages.get(key);
            if (p != null && !ids.contains(p.id())) {
                ids.add(p.id());
                names.add(p.name());
            }
        }
        return new ThoughtSource("page", ids, names);
    }

    /** The name a mockup is shown by: its page's name and its version. */
    static String mockupName(String pageName, int version) {
        return pageName + " v" + version;
    }
}
