package dev.specboard.spec;

import dev.specboard.kernel.TextDiff;

import java.util.List;

/** Two versions of a spec as a word diff of the title and of the readable document. */
public record SpecDiffView(String key, String title, int from, int to, List<Integer> versions, List<TextDiff.Segment> titleDiff,
                           List<TextDiff.Segment> contentDiff) {
}
