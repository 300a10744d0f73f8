package dev.specboard.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.FormParam;

/**
 * A password change: the current password proves it is really you. {@code revokeTokens} is the box "Also revoke all my
 * API tokens" (sent only when ticked; ticked when the form is first shown).
 */
public record PasswordForm(
        @FormParam("currentPassword") @NotBlank(message = "Enter your current password") String currentPassword,
        @FormParam("newPassword") @NewPassword String newPassword,
        @FormParam("revokeTokens") String revokeTokens) {

    /** The form as first shown: nothing typed, the box ticked. */
    public static PasswordForm empty() {
        return new PasswordForm("", "", "true");
    }

    public boolean revokesTokens() {
        return "true".equalsIgnoreCase(revokeTokens) || "on".equalsIgnoreCase(revokeTokens);
    }
}
