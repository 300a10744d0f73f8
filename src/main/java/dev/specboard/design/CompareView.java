package dev.specboard.design;

import dev.specboard.project.Access;

import java.util.List;

/** Two versions of a page's mockup: the source diffs (HTML, CSS, JS) and the two renders side by side. */
public record CompareView(Access access, Page page, int from, int to, List<SourceDiff.Section> sections, List<MockupRow> versions,
                          String device) {

    public String base() {
        return "/projects/" + access.slug() + "/pages/" + page.id;
    }

    public int width() {
        return MockupAnalyzer.DEVICES.getOrDefault(device, 1280);
    }
}
