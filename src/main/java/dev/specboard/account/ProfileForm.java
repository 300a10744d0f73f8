package dev.specboard.account;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.validation.constraints.Email;
import jakarta.ws.rs.FormParam;

/** The editable part of a profile; a new email address needs the current password. */
public record ProfileForm(
        @FormParam("email") @Filled(message = "Enter your email address") @Email(message = "Enter a valid email address")
        @Chars(max = 255, message = "At most 255 characters") String email,
        @FormParam("name") @Chars(max = 255, message = "At most 255 characters") @PlainName String name,
        @FormParam("password") String password) {

    /** The profile as it is, to edit; the password field is always shown empty. */
    public static ProfileForm of(Account a) {
        return new ProfileForm(a.email, a.name == null ? "" : a.name, "");
    }
}
