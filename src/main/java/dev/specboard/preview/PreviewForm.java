package dev.specboard.preview;

import jakarta.ws.rs.FormParam;

/** A new preview: one page (its id or path; empty for every page with a mockup) and how many hours it lives. */
public record PreviewForm(@FormParam("page") String page, @FormParam("hours") Integer hours) {

    public static PreviewForm empty() {
        return new PreviewForm("", 24);
    }
}
