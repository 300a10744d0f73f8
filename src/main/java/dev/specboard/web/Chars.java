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
 * A text of at most {@link #max()} characters as a person counts them, one per code point: {@code @Size} counted UTF-16
 * units, so 128 emoji (256 units) were refused as more than 255 characters, while PostgreSQL's varchar(n) counts code
 * points too. An absent text is another rule's to judge.
 */
@Documented
@Constraint(validatedBy = Chars.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Chars {

    /** The most characters (code points) the text may hold. */
    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the text's code points against the annotation's maximum. */
    class Check implements ConstraintValidator<Chars, CharSequence> {
        /** The number of characters in a text as a person counts them (code points); 0 for null. */
        public static int count(CharSequence text) {
            return text == null ? 0 : Character.codePointCount(text, 0, text.length());
        }

        /** Whether a text holds more than {@code max} characters (code points); null never does. */
        public static boolean over(CharSequence text, int max) {
            // Every code point is one or two units: a text of at most max units is never over, one of over 2 × max always is.
            return text != null && text.length() > max && (text.length() > 2L * max || count(text) > max);
        }

        private int max;

        @Override
        public void initialize(Chars annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !over(value, max);
        }
    }
}
