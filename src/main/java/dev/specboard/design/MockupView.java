package dev.specboard.design;

import dev.specboard.project.Access;

import java.util.List;

/** One mockup version: its frames, its source, the patterns parsed from it and where it sits in the history. */
public record MockupView(Access access, Page page, Mockup mockup, MockupAnalysis analysis, List<MockupRow> versions, String device,
                         boolean current) {

    public String versionBase() {
        return base() + "/mockups/" + mockup.version;
    }

    public String frameSrc() {
        return versionBase() + "/frame";
    }

    public String frameName() {
        return page.name + " version " + mockup.version;
    }

    public String base() {
        return "/projects/" + access.slug() + "/pages/" + page.id;
    }
}
