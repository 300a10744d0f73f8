package dev.specboard.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The error page of a refused page request (the API answers its JSON error instead, see {@link ErrorMapper}): the
 * whole page, or its fragment for htmx, shown in the flash area. An editor's form that could not be saved keeps its
 * typed text on the page ({@link EditorRefusal}, {@link DeletedMeanwhile}).
 */
final class ErrorPage {

    private ErrorPage() {
    }

    /** The page for this status and message; {@code details} name a refused form's problems. */
    static Response of(int status, String message, Map<String, Object> details, HttpHeaders headers) {
        Response kept = EditorRefusal.page(headers);
        if (kept != null) {
            return kept;
        }
        Response deleted = DeletedMeanwhile.page(status, message, headers);
        if (deleted != null) {
            return deleted;
        }
        return plain(status, message, details, headers);
    }

    /** The error page itself, without looking at what the request kept. */
    static Response plain(int status, String message, Map<String, Object> details, HttpHeaders headers) {
        String title = ErrorMapper.titleFor(status);
        if (status == 422 && "Validation failed".equals(message) && details != null && !details.isEmpty()
                && details.values().stream().allMatch(String.class::isInstance)) {
            // A form that could not be shown again with its errors (a crafted value, a drag): the page names each problem
            // instead of the bare "Validation failed"; a refusal that says more itself keeps its sentence.
            message = String.join("; ", details.entrySet().stream().map(d -> d.getKey() + ": " + d.getValue()).toList());
        }
        TemplateInstance body;
        if (Htmx.isFragment(headers)) {
            body = ErrorMapper.Templates.error$body(status, title, message, AnonymousVisitor.known());
        } else if (BlockingOperationControl.isBlockingAllowed()) {
            body = ErrorMapper.Templates.error(status, title, message, AnonymousVisitor.known());
        } else {
            // Answered on the IO thread (an unknown path, e.g. /static/nope.js, matched no resource).
            body = ErrorMapper.Templates.standalone(status, title, message);
        }
        return flashed(Htmx.page(body, status), headers);
    }

    /** Errors of an htmx action show in the flash area instead of replacing the target: the form stays as it was. */
    static Response flashed(Response r, HttpHeaders headers) {
        if (Htmx.isHtmx(headers) && r.getStatus() >= 400) {
            r.getHeaders().add("HX-Retarget", "#flash");
            r.getHeaders().add("HX-Reswap", "innerHTML");
        }
        return r;
    }
}
