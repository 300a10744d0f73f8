package dev.specboard.architecture;

import dev.specboard.story.StoryRef;
import java.util.List;
import java.util.UUID;

/** A context with its stories, as the list, the map and the API show it. */
public record ContextRow(UUID id, String name, String type, String purpose, String description, boolean approved,
                         boolean dirty, int version, List<StoryRef> stories) {

    public List<Integer> storyNumbers() {
        return stories.stream().map(StoryRef::number).toList();
    }

    public List<StoryRef> dirtyStories() {
        return stories.stream().filter(StoryRef::dirty).toList();
    }
}
