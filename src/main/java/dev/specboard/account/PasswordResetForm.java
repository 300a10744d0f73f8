package dev.specboard.account;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.ws.rs.FormParam;

/**
 * A new password chosen with the code of a reset mail, the code proving that the mail was read; {@code viaLink} is set
 * when the mail's link filled the code in (the form then keeps it out of sight).
 */
public record PasswordResetForm(
        @FormParam("code") @Filled(message = "Enter the code from the mail") @Chars(max = 200, message = "This is not a code from a reset mail")
        String code,
        @FormParam("newPassword") @NewPassword String newPassword,
        @FormParam("viaLink") String viaLink) {

    /** The form as first shown after asking for a code: nothing typed. */
    public static PasswordResetForm empty() {
        return new PasswordResetForm("", "", null);
    }

    /** The form as a reset link opens it: the code filled in, nothing typed. */
    public static PasswordResetForm fromLink(String code) {
        return new PasswordResetForm(code, "", "true");
    }

    /** Whether the code is shown to type: unless the link filled it in and it still works. */
    public boolean asksForCode(boolean codeRefused) {
        return codeRefused || !"true".equals(viaLink) || code == null || code.isBlank();
    }
}
