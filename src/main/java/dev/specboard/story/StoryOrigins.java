package dev.specboard.story;

import dev.specboard.project.Access;

import java.util.List;
import java.util.UUID;

/**
 * Where a story came from on the design side: the features it realises and the pages those features touch.
 * Features and pages belong to design, which implements this; story only links to them.
 */
public interface StoryOrigins {

    /** The story's features, then their pages, in a constant number of queries. */
    List<OriginRef> forStory(Access access, UUID storyId);
}
