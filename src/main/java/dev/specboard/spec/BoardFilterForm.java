package dev.specboard.spec;

import dev.specboard.web.FormErrors;

/**
 * The board's spec and story filters as the URL gave them, with the ones refused ({@code web.FilterChoices}): the form
 * shows a refused value again beside its message, as a refused form keeps what was typed.
 */
public record BoardFilterForm(String spec, String story, FormErrors errors) {

    public static BoardFilterForm none() {
        return new BoardFilterForm(null, null, FormErrors.none());
    }
}
