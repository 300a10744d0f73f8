package dev.specboard.preview;

import jakarta.ws.rs.FormParam;

/**
 * A new preview: one page (its id or path; empty for every page with a mockup) and how many hours it lives, as typed: a
 * form field bound as a number answered "1.5" or "two" with a bare 400 that lost the form, so the service reads the number.
 */
public record PreviewForm(@FormParam("page") String page, @FormParam("hours") String hours) {

    public static PreviewForm empty() {
        return new PreviewForm("", "24");
    }

    /** The API's body, whose JSON already holds a whole number (or nothing). */
    public static PreviewForm of(String page, Integer hours) {
        return new PreviewForm(page, hours == null ? null : hours.toString());
    }
}
