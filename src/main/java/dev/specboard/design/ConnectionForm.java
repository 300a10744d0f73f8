package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

/** A connection between two nodes of a journey (by key): what triggers it, on which element, and its label (a decision's branch). */
public record ConnectionForm(
        @FormParam("from") @Filled(message = "Choose the node it starts from") String from,
        @FormParam("to") @Filled(message = "Choose the node it leads to") String to,
        @FormParam("label") @Upright @Chars(max = 100, message = "At most 100 characters") String label,
        @FormParam("trigger") @Chars(max = 50, message = "At most 50 characters") String trigger,
        @FormParam("element") @Chars(max = 200, message = "At most 200 characters") String element) {

    public static ConnectionForm empty() {
        return new ConnectionForm("", "", "", "click", "");
    }
}
