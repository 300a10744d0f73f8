package dev.specboard.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest value of a body field whose limit is a setting, not a constant: a fixed {@code @Max} beside the setting
 * named a limit the service no longer used once the setting changed. {@link JsonProblems} reads it for a number past
 * Java's range, so every too-large value names the one configured limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface ConfiguredMax {

    /** The configuration property that holds the limit. */
    String property();

    /** The limit when the property is not set (the property's own default). */
    long fallback();
}
