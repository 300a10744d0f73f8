package dev.specboard.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The editable part of a profile. */
public record ProfileForm(
        @FormParam("email") @NotBlank(message = "Enter your email address") @Email(message = "Enter a valid email address")
        @Size(max = 255, message = "At most 255 characters") String email,
        @FormParam("name") @Size(max = 255, message = "At most 255 characters") String name) {
}
