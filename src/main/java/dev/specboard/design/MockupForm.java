package dev.specboard.design;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/**
 * A new mockup version: its HTML, CSS and JS, what changed, and the version it was based on (a save
 * based on an older current version is refused with both versions).
 */
public record MockupForm(
        @FormParam("html") @NotBlank(message = "Paste the mockup's HTML") @Size(max = MAX, message = "At most 500000 characters") String html,
        @FormParam("css") @Size(max = MAX, message = "At most 500000 characters") String css,
        @FormParam("js") @Size(max = MAX, message = "At most 500000 characters") String js,
        @FormParam("changeDescription") @Size(max = 2000, message = "At most 2000 characters") String changeDescription,
        @FormParam("basedOn") Integer basedOn,
        @FormParam("changedBy") String changedBy) {

    public static final int MAX = 500_000;

    public static MockupForm empty(Integer basedOn) {
        return new MockupForm("", "", "", "", basedOn, "user");
    }
}
