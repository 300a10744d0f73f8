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

/**
 * A person's display name holds no control characters and no characters that change the direction of the text around
 * them (U+202A to U+202E, U+2066 to U+2069): a name is shown beside others on members lists, boards and threads, where
 * a right-to-left override would make it read as someone else's, or reverse the text after it.
 */
@Documented
@Constraint(validatedBy = PlainName.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainName {

    String message() default "A name cannot hold control characters or characters that change the direction of the text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Finds a control or directional formatting character; an absent name is another rule's to judge. */
    class Check implements ConstraintValidator<PlainName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().noneMatch(Check::refused);
        }

        static boolean refused(int c) {
            return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        }
    }
}
