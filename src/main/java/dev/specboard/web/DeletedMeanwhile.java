package dev.specboard.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answer to an editor's form whose thing someone else deleted while it was being edited: a plain 404 page lost
 * the text the user had typed, so the page says what happened and shows each typed field in a read-only textarea to
 * copy. An editor's POST route is marked {@link Editor}; its filter runs after the project policy ({@code ProjectFirst},
 * {@code RoleFirst}), so a request it marks comes from someone who may write in a project that exists, and a 404 that
 * follows can only mean the thing itself is gone. Nothing is looked up per request: the mark is bound at build time.
 */
public class DeletedMeanwhile {

    /** An edit form's POST: a 404 after the project policy passed shows the typed text again. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Editor {
    }

    private static final String MARK = DeletedMeanwhile.class.getName();

    /** Fields a form carries for the app, not typed by the user. */
    private static final Set<String> BOOKKEEPING = Set.of("csrf-token", "version", "baseVersion", "expectedVersion");

    /** One typed field, as the page shows it. */
    public record Typed(String name, String text) {
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        /** {@code kept} says the text is below, {@code reason} the refusal's own words (or nothing). */
        static native TemplateInstance deleted(int status, String title, String message, String kept, String reason, List<Typed> fields);

        static native TemplateInstance deleted$body(int status, String title, String message, String kept, String reason,
                List<Typed> fields);
    }

    /** After {@code ProjectFirst} and {@code RoleFirst}: only a request the project policy let through is marked. */
    @Editor
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 30)
    public void mark(ResteasyReactiveContainerRequestContext request) {
        request.setProperty(MARK, Boolean.TRUE);
    }

    /** The page for a 404 of a marked editor's request, keeping its typed text; null for any other request. */
    static Response page(int status, String message, HttpHeaders headers) {
        ResteasyReactiveRequestContext request = status == 404 ? CurrentRequestManager.get() : null;
        if (request == null || request.getProperty(MARK) == null || request.getFormData() == null) {
            return null;
        }
        return kept(404, "Deleted meanwhile", "Someone else deleted this while you were editing it, so your changes were not saved.",
                "Your text is below: copy what you want to keep.", message, typed(request.getFormData()), headers);
    }

    /** The page (or, for htmx, the flash area's fragment) that shows the typed {@code fields} read-only under {@code message}. */
    static Response kept(int status, String title, String message, String kept, String reason, List<Typed> fields, HttpHeaders headers) {
        String why = reason == null ? "" : reason.strip();
        TemplateInstance body = Htmx.isFragment(headers) ? Templates.deleted$body(status, title, message, kept, why, fields)
                : Templates.deleted(status, title, message, kept, why, fields);
        // As every error of an htmx action: shown in the flash area, the form stays as it was.
        return ErrorPage.flashed(Htmx.page(body, status), headers);
    }

    /** The fields of a form the user typed, without the app's bookkeeping (CSRF token, versions) and empty fields. */
    static List<Typed> typed(FormData form) {
        List<Typed> fields = new ArrayList<>();
        for (String name : form) {
            if (BOOKKEEPING.contains(name)) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && value.getValue() != null && !value.getValue().isBlank()) {
                    fields.add(new Typed(name, value.getValue()));
                }
            }
        }
        return fields;
    }
}
