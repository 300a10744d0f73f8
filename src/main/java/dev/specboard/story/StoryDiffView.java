package dev.specboard.story;

import dev.specboard.kernel.TextDiff;

import java.util.List;

/** Two versions of a story side by side: the word diff of each text. */
public record StoryDiffView(Story story, RevisionRow from, RevisionRow to, List<Integer> versions, List<TextDiff.Segment> titleDiff,
                            List<TextDiff.Segment> descriptionDiff, List<TextDiff.Segment> criteriaDiff) {
}
