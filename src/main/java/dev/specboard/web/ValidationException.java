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

    /**
     * The same refusal, its API answer's {@code details} also carrying a fact that is no field's error (the id of the
     * thing the input clashes with); a form shows only the errors.
     */
    public ValidationException with(String key, Object value) {
        details().put(key, value);
        return this;
    }

    public FormErrors errors() {
        return errors;
    }

    /** Runs {@code change}; a refusal names its field {@code field} as the caller knows it ({@code as}), see {@link #renamed}. */
    public static <T> T renaming(String field, String as, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ValidationException e) {
            throw e.renamed(field, as);
        }
    }

    /** The same errors with one field named as the caller knows it (a form's {@code page} is the API's {@code pagePath}). */
    public ValidationException renamed(String field, String as) {
        return renamed(java.util.Map.of(field, as));
    }

    /**
     * The same errors with each field {@code names} has named as the caller knows it, in one pass: renaming field by field
     * copied every error once per name, so a journey of 2000 nodes took half a minute to be refused.
     */
    public ValidationException renamed(java.util.Map<String, String> names) {
        FormErrors named = FormErrors.none();
        errors.list().forEach(e -> named.add(names.getOrDefault(e.field(), e.field()), e.message()));
        ValidationException renamed = new ValidationException(named);
        // What is no field's error (see with) goes along.
        details().forEach((key, value) -> {
            if (!errors.has(key)) {
                renamed.details().putIfAbsent(key, value);
            }
        });
        return renamed;
    }
}
