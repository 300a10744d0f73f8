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

    /** Refuses the current request's parts that are not among {@code known}, and a multipart body without a boundary (400). */
    public static void requireOnly(Set<String> known) {
        jakarta.ws.rs.core.MediaType type = CurrentRequestManager.get().getHttpHeaders().getMediaType();
        String boundary = type == null ? null : type.getParameters().get("boundary");
        if (type != null && "multipart".equalsIgnoreCase(type.getType()) && (boundary == null || boundary.isBlank())) {
            // Without it no part can be found: the body was read as an empty form, and refused for a missing field.
            throw new ApiException(400, "The request body is malformed: a multipart Content-Type must name its boundary (boundary=…).",
                    Map.of());
        }
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

    /**
     * Refuses (422 naming each) the parts among {@code single} sent more than once: JAX-RS binds the first and dropped
     * the others without a word (a second file was lost).
     */
    public static void requireOnce(Set<String> single) {
        FormData form = CurrentRequestManager.get().getFormData();
        FormErrors errors = FormErrors.none();
        if (form != null) {
            for (String name : form) {
                int count = form.get(name).size();
                if (count > 1 && single.contains(name)) {
                    errors.add(name, "file".equals(name) ? "One file per item: this request has " + count + " file parts"
                            : "Send one " + name + " part: this request has " + count);
                }
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Refuses (400, as a JSON body that is not UTF-8 is) a text part that is not valid UTF-8: the parser decodes text
     * parts leniently, so its bytes arrive here as U+FFFD, and were stored so.
     */
    public static void requireUtf8() {
        FormData form = CurrentRequestManager.get().getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            for (org.jboss.resteasy.reactive.server.multipart.FormValue value : form.get(name)) {
                if (!value.isFileItem() && value.getValue() != null && value.getValue().indexOf('\uFFFD') >= 0) {
                    String field = InputGuard.printable(name);
                    throw new ApiException(400, "The field " + field + " is not valid UTF-8: send text parts in UTF-8.",
                            Map.of(field, "not valid UTF-8"));
                }
            }
        }
    }
}
