package dev.specboard.design;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A connection between two nodes of a journey (by key): what triggers it, on which element, and its label (a decision's branch). */
public record ConnectionForm(
        @FormParam("from") @NotBlank(message = "Choose the node it starts from") String from,
        @FormParam("to") @NotBlank(message = "Choose the node it leads to") String to,
        @FormParam("label") @Size(max = 100, message = "At most 100 characters") String label,
        @FormParam("trigger") @Size(max = 50, message = "At most 50 characters") String trigger,
        @FormParam("element") @Size(max = 200, message = "At most 200 characters") String element) {

    public static ConnectionForm empty() {
        return new ConnectionForm("", "", "", "click", "");
    }
}
