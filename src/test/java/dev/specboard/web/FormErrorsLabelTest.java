package dev.specboard.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The error summary names each field in words, from the name the form gives it. */
class FormErrorsLabelTest {

    @Test
    void aFieldsNameReadsAsWords() {
        assertEquals("Title", label("title"));
        assertEquals("Acceptance criteria", label("acceptanceCriteria"));
        assertEquals("Hours", label("phases[0].hours"));
        assertEquals("Line end", label("line_end"));
        assertEquals("This field", label(""));
    }

    private static String label(String field) {
        return new FormErrors.FieldError(field, "x").label();
    }
}
