package dev.specboard.account;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What a person enters to sign up (also the body of {@code POST /api/v1/accounts}). */
public record SignupForm(
        @FormParam("email") @Filled(message = "Enter your email address") @Email(message = "Enter a valid email address")
        @Chars(max = 255, message = "An email address has at most 255 characters") String email,
        @FormParam("username") @Filled(message = "Choose a username")
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{1,38}$", message = "A username is 2 to 39 letters, digits, - or _, starting with a letter or digit")
        String username,
        @FormParam("name") @Chars(max = 255, message = "A name has at most 255 characters") @PlainName String name,
        @FormParam("password") @NotBlank(message = "Choose a password")
        @Size(min = 8, message = "A password has at least 8 characters") @PasswordBytes String password) {

    public static SignupForm empty() {
        return new SignupForm("", "", "", "");
    }
}
