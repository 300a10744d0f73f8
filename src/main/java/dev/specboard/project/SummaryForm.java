package dev.specboard.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The executive summary (markdown) and what the button asked for: save or preview. */
public record SummaryForm(
        @FormParam("executiveSummary") @NotBlank(message = "Write a summary, or skip this step")
        @Size(max = 50000, message = "At most 50000 characters") String executiveSummary,
        @FormParam("action") String action) {

    public static SummaryForm empty() {
        return new SummaryForm("", "");
    }

    public boolean wantsPreview() {
        return "preview".equals(action);
    }
}
