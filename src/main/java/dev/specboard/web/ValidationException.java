package dev.specboard.web;

import java.util.LinkedHashMap;

/** Input that breaks a rule: pages re-render the form with these errors, the API answers 422 with them. */
public class ValidationException extends ApiException {

    private final transient FormErrors errors;

    public ValidationException(FormErrors errors) {
        super(422, "Validation failed", new LinkedHashMap<>(errors.asMap()));
        this.errors = errors;
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(FormErrors.none().add(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
