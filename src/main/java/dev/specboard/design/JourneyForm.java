package dev.specboard.design;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A journey's name, type and description. */
public record JourneyForm(
        @FormParam("name") @NotBlank(message = "Give the journey a name") @Size(max = 255, message = "At most 255 characters") String name,
        @FormParam("flowType") String flowType,
        @FormParam("description") @Size(max = 5000, message = "At most 5000 characters") String description) {

    public static JourneyForm empty() {
        return new JourneyForm("", "user", "");
    }
}
