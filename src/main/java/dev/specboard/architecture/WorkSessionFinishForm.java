package dev.specboard.architecture;

import dev.specboard.web.Chars;
import jakarta.ws.rs.FormParam;

/**
 * The result of a session: a note (the reason, when it failed) and, for a design session, an optional new design doc text
 * with the design doc version it is based on (null: no check), so that it never silently replaces a version saved meanwhile.
 */
public record WorkSessionFinishForm(
        @FormParam("note") @Chars(max = 20000, message = "At most 20000 characters") String note,
        @FormParam("designDoc") @Chars(max = 200000, message = "At most 200000 characters") String designDoc,
        @FormParam("designDocVersion") Integer designDocVersion) {
}
