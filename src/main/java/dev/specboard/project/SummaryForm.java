package dev.specboard.project;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.ws.rs.FormParam;

/** The executive summary (markdown) and what the button asked for: save or preview. */
public record SummaryForm(
        @FormParam("executiveSummary") @Filled(message = "Write a summary, or skip this step")
        @Chars(max = 50000, message = "At most 50000 characters") String executiveSummary,
        @FormParam("action") String action) {

    public static SummaryForm empty() {
        return new SummaryForm("", "");
    }

    public boolean wantsPreview() {
        return "preview".equals(action);
    }
}
