package dev.specboard.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a spec says, as a reader gets it back: its title, story, document (a monolithic spec's text; a hierarchical spec's
 * content with phases numbered in order, each file once, hours as numbers) and the specs it depends on. A save after which
 * this is the same changes nothing, so it makes no new version and a concurrent editor's save stays valid.
 */
record SpecAsRead(String title, Integer storyNumber, String text, SpecContent content, Set<Integer> dependsOn) {

    /** The spec as stored, depending now on the specs numbered {@code dependsOn}. */
    static SpecAsRead stored(TechnicalSpec spec, Set<Integer> dependsOn) {
        return spec.isHierarchical()
                ? new SpecAsRead(spec.title, spec.storyNumber, null, asRead(spec.parsedContent()), dependsOn)
                : new SpecAsRead(spec.title, spec.storyNumber, text(spec.content), null, dependsOn);
    }

    /** The spec as a save of {@code input} would store it, {@code content} the checked structured content (none: monolithic). */
    static SpecAsRead saved(SpecInput input, SpecContent content) {
        Set<Integer> dependsOn = input.dependsOnOrEmpty().stream().map(TechnicalSpec::parseKey).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        String title = input.title() == null ? null : input.title().trim();
        return content == null
                ? new SpecAsRead(title, input.storyNumber(), text(input.markdown()), null, dependsOn)
                : new SpecAsRead(title, input.storyNumber(), null, asRead(content), dependsOn);
    }

    private static SpecContent asRead(SpecContent content) {
        List<SpecContent.Phase> phases = content.normalized().withDistinctFiles().phaseList().stream()
                .map(p -> new SpecContent.Phase(p.number(), p.name(), text(p.description()), p.hoursOrZero().stripTrailingZeros(),
                        text(p.content()), p.files(), text(p.branchName())))
                .toList();
        return new SpecContent(text(content.overview()), text(content.architecture()), text(content.technologyStack()), phases);
    }

    /**
     * A text as it reads: none when blank, without surrounding blanks, lines ending in one way (a browser sends a text
     * area's lines ending in CRLF, an API client mostly in LF).
     */
    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.replace("\r\n", "\n").strip();
    }
}
