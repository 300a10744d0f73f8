package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/** One mockup version: its frames, its source, the patterns parsed from it and where it sits in the history. */
public record MockupView(Access access, Page page, Mockup mockup, MockupAnalysis analysis, List<MockupRow> versions, String device,
                         boolean current, List<MockupFeedback.Shown> feedback, String feedbackText, FormErrors errors,
                         FormErrors deviceErrors) {

    /** Who may leave feedback: reviewers and up, while the project is not archived. */
    public boolean mayGiveFeedback() {
        return access.may(dev.specboard.kernel.Role.REVIEWER);
    }

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
