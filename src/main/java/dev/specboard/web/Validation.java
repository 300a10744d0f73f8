package dev.specboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/** Checks a form record's constraints and throws them all at once. */
@ApplicationScoped
public class Validation {

    @Inject
    Validator validator;

    public FormErrors check(Object form) {
        return FormErrors.of(validator.validate(form));
    }

    public void require(Object form) {
        FormErrors errors = check(form);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }
}
