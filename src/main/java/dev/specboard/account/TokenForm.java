package dev.specboard.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A new API token: a name, and optionally the one project (and highest role) it may act in. */
public record TokenForm(
        @FormParam("tokenName") @NotBlank(message = "Give the token a name") @Size(max = 100, message = "At most 100 characters") String tokenName,
        @FormParam("project") String project,
        @FormParam("role") String role) {

    public static TokenForm empty() {
        return new TokenForm("", "", "");
    }
}
