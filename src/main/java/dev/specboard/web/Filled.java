package dev.specboard.web;

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
 * A text that shows something: not absent, and not blank once white space (any Unicode space, no-break spaces too),
 * control characters and invisible format characters (Unicode category Cf: zero-width space and joiners, the byte order
 * mark, soft hyphen, direction marks) are set aside. {@code @NotBlank} trimmed only ASCII blanks, so a title of two
 * zero-width spaces was kept and showed as nothing in lists and headings.
 */
@Documented
@Constraint(validatedBy = Filled.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Filled {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses an absent text and one showing nothing. */
    class Check implements ConstraintValidator<Filled, CharSequence> {
        /** Whether the text holds at least one character that can be seen. */
        public static boolean shows(CharSequence text) {
            return text != null && text.codePoints().anyMatch(c -> !invisible(c));
        }

        /** White space, a control character or an invisible format character. */
        public static boolean invisible(int c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return shows(value);
        }
    }
}
