package dev.specboard.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a new password on the forms that change one (the account page's, a reset's), each with its own message:
 * given, at least 8 characters, at most {@value PasswordBytes#MAX} bytes.
 */
@NotBlank(message = "Choose a new password")
@Size(min = 8, message = "The new password needs at least 8 characters")
@PasswordBytes(message = "The new password is at most 72 bytes: 72 plain letters, digits or symbols, fewer with accented "
        + "letters, other alphabets or emoji, which take 2 to 4 bytes each")
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {

    String message() default "Choose a new password of 8 characters to 72 bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
