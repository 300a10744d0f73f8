package dev.specboard.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A new password is at most {@value #MAX} bytes in UTF-8: bcrypt reads only that many, so the rest of a longer one (72
 * accented or non-Latin characters are 144 bytes or more) would not count, and anyone who guessed its start would be in.
 */
@Documented
@Constraint(validatedBy = PasswordBytes.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordBytes {

    int MAX = 72;

    String message() default "A password is at most 72 bytes: 72 plain letters, digits or symbols, fewer with accented letters, "
            + "other alphabets or emoji, which take 2 to 4 bytes each";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the bytes bcrypt will read; an absent password is another rule's to refuse. */
    class Check implements ConstraintValidator<PasswordBytes, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX;
        }
    }
}
