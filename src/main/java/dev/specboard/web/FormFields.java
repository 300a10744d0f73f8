package dev.specboard.web;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a multipart API request: JAX-RS binds the parts a method names and drops the rest, so a misspelt part
 * ({@code tag} for {@code tags}) was lost without a word. A part a call does not take is refused (422 naming each), as
 * an unknown JSON field is.
 */
public final class FormFields {

    private FormFields() {
    }

    /** Refuses the current request's parts that are not among {@code known}. */
    public static void requireOnly(Set<String> known) {
        FormData form = CurrentRequestManager.get().getFormData();
        if (form == null) {
            return;
        }
        Map<String, Object> unknown = new LinkedHashMap<>();
        for (String name : form) {
            if (!known.contains(name)) {
                unknown.put(InputGuard.printable(name), "unknown field");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "Unknown fields: " + String.join(", ", unknown.keySet()), unknown);
        }
    }
}
