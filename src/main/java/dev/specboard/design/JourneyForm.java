package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

/** A journey's name, type, description and whether it is the project's primary flow; {@code version}, the one edited (none: no check). */
public record JourneyForm(
        @FormParam("name") @Upright @Filled(message = "Give the journey a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("flowType") String flowType,
        @FormParam("description") @Chars(max = 5000, message = "At most 5000 characters") String description,
        @FormParam("primary") boolean primary,
        @FormParam("version") Integer version) {

    public static JourneyForm empty() {
        return new JourneyForm("", "user", "", false, null);
    }

    /** The journey as it is, for its edit form. */
    public static JourneyForm of(JourneyFlow f) {
        return new JourneyForm(f.name, f.flowType == null ? "" : f.flowType, f.description == null ? "" : f.description, f.primary, f.version);
    }
}
