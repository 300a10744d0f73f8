package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.ws.rs.FormParam;

/**
 * A new mockup version: its HTML, CSS and JS, what changed, and the version it was based on (a save
 * based on an older current version is refused with both versions).
 */
public record MockupForm(
        @FormParam("html") @Filled(message = "Paste the mockup's HTML") @Chars(max = MAX, message = "At most 500000 characters") String html,
        @FormParam("css") @Chars(max = MAX, message = "At most 500000 characters") String css,
        @FormParam("js") @Chars(max = MAX, message = "At most 500000 characters") String js,
        @FormParam("changeDescription") @Chars(max = 2000, message = "At most 2000 characters") String changeDescription,
        @FormParam("basedOn") Integer basedOn,
        @FormParam("changedBy") String changedBy) {

    public static final int MAX = 500_000;

    public static MockupForm empty(Integer basedOn) {
        return new MockupForm("", "", "", "", basedOn, "user");
    }

    /** The form for the next version, starting from the current one's source so a change is an edit, not a paste of the whole mockup again. */
    public static MockupForm from(Mockup current) {
        return current == null ? empty(0)
                : new MockupForm(current.htmlContent, current.cssContent, current.javascriptContent, "", current.version, "user");
    }
}
