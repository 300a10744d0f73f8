package dev.specboard.web;

import jakarta.validation.ConstraintViolation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Field errors of a submitted form, named per field so each input can show its own message. */
public final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * The violations in the order of the fields they are about, as the form shows them: Bean Validation hands them over in
     * a hash set whose order changes from run to run, so a summary listed them in a different order each time.
     */
    public static <T> FormErrors of(Set<ConstraintViolation<T>> violations) {
        FormErrors e = new FormErrors();
        for (ConstraintViolation<?> v : ViolationOrder.of(violations)) {
            e.add(v.getPropertyPath().toString(), v.getMessage());
        }
        return e;
    }

    /** Keeps the first message per field: the most basic problem is the one to fix first. */
    public FormErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    /** One field's message, as the error summary above a form lists it. */
    public record FieldError(String field, String message) {

        /**
         * The field's name as words ({@code acceptanceCriteria}: "Acceptance criteria", {@code phases[0].hours}: "Hours"), so
         * each link of the summary says which field it is about; {@link ErrorSummaryLabels} puts the field's own label in its place.
         */
        public String label() {
            String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d*]", "").replaceAll("[-_]+", " ")
                    .replaceAll("([a-z0-9])([A-Z])", "$1 $2").strip().toLowerCase(java.util.Locale.ROOT);
            return name.isEmpty() ? "This field" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /** The messages in the order they were found (the summary's script puts them in the form's order). */
    public List<FieldError> list() {
        return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    /** The messages by field, in the order they were found (a copy of them would list them in no order from run to run). */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
}
