package dev.specboard.spec;

import dev.specboard.web.ValidationException;
import jakarta.ws.rs.FormParam;

import java.math.BigDecimal;

/** What the task page's forms send: the commit and hours for completing, the reason for failing, a note, a priority. */
public record TaskActionForm(@FormParam("commitSha") String commitSha, @FormParam("actualHours") String actualHours,
                             @FormParam("reason") String reason, @FormParam("body") String body,
                             @FormParam("priority") String priority, @FormParam(WipLimitExceeded.OVERRIDE) String overWipLimit) {

    /** Nothing sent: the page's forms start empty. */
    public static final TaskActionForm NONE = new TaskActionForm(null, null, null, null, null, null);

    /** The person confirmed going past the column's WIP limit. */
    public boolean pastWipLimit() {
        return "true".equals(overWipLimit);
    }

    /** The hours as a number, none when blank; 422 for anything else. */
    public BigDecimal hours() {
        if (actualHours == null || actualHours.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(actualHours.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("actualHours", "Hours as a number, like 2 or 1.5");
        }
    }
}
