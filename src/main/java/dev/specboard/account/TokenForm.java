package dev.specboard.account;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

/** A new API token: a name, and optionally the one project (and highest role) it may act in. */
public record TokenForm(
        @FormParam("tokenName") @Upright @Filled(message = "Give the token a name") @Chars(max = 100, message = "At most 100 characters") String tokenName,
        @FormParam("project") String project,
        @FormParam("role") String role) {

    public static TokenForm empty() {
        return new TokenForm("", "", "");
    }
}
