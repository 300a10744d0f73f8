package dev.specboard.architecture;

import jakarta.ws.rs.FormParam;

/** The three completion checkboxes (an unchecked box is simply absent). */
public record CompletionForm(
        @FormParam("docsComplete") boolean docsComplete,
        @FormParam("codeComplete") boolean codeComplete,
        @FormParam("testsComplete") boolean testsComplete) {
}
