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
 * A single-line name or title without the invisible characters that change the direction of the text around them
 * (embeddings and overrides U+202A to U+202E, isolates U+2066 to U+2069): {@code \u202Egnp.exe} showed as "exe.png", so a
 * name could pass for another. The refusal names the character to remove. An absent text is another rule's to judge.
 */
@Documented
@Constraint(validatedBy = Upright.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Upright {

    String message() default "Remove the invisible direction-changing character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Finds the first direction-changing character and names it in the message. */
    class Check implements ConstraintValidator<Upright, CharSequence> {
        /** Whether the code point is a directional embedding, override or isolate. */
        public static boolean turning(int c) {
            return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        }

        /** The refusal naming the text's first direction-changing character, or null when it holds none. */
        public static String problem(CharSequence text) {
            int found = text == null ? -1 : text.codePoints().filter(Check::turning).findFirst().orElse(-1);
            return found < 0 ? null : String.format("Remove the invisible direction-changing character (U+%04X)", found);
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
