package dev.specboard.story;

import dev.specboard.project.Access;

import java.util.List;
import java.util.UUID;

/**
 * The bounded contexts stories are mapped to, as the story pages show and change them. Contexts and
 * the mapping belong to architecture, which implements this; story only links to them.
 */
public interface StoryContexts {

    /** Every context of the project, as choices. */
    List<ContextRef> refs(UUID projectId);

    /** The contexts a story belongs to. */
    List<ContextRef> forStory(UUID storyId);

    /** Maps a story to a context (nothing happens if it already is). */
    void addStory(Access access, UUID contextId, Integer storyNumber);

    /** Takes a story out of a context. */
    void removeStory(Access access, UUID contextId, int storyNumber);
}
