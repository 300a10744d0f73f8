package dev.specboard.architecture;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The result of a session: a note (the reason, when it failed) and, for a design session, an optional new design doc text. */
public record WorkSessionFinishForm(
        @FormParam("note") @Size(max = 20000, message = "At most 20000 characters") String note,
        @FormParam("designDoc") @Size(max = 200000, message = "At most 200000 characters") String designDoc) {
}
