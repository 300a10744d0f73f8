package dev.specboard.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.List;

/**
 * The project policy's refusal of an editor's form whose project changed while the user typed: their role was lowered
 * (made a viewer, say: 403) or the project was archived (409). The policy refuses before the body is read, so a plain
 * error page lost the typed text. On an editor's route ({@link DeletedMeanwhile.Editor}) such a refusal waits until the
 * form is read and its CSRF token checked, and then is answered, with its own status, with the typed text in read-only
 * textareas to copy. The policy still decides and still comes first: a non-member's 404 is answered at once, the first
 * refusal met is the one answered, and whatever else a waiting refusal meets on the way (a NUL character, an unreadable
 * form, a wrong CSRF token, a wrong content type) is answered as that same refusal, without the text. The marks are
 * bound at build time, so nothing is looked up per request.
 */
public class EditorRefusal {

    private static final String EDITOR = EditorRefusal.class.getName() + ".editor";
    private static final String WAITING = EditorRefusal.class.getName() + ".waiting";
    private static final String ANSWERED = EditorRefusal.class.getName() + ".answered";

    /** Before the project policy ({@code ProjectFirst}, {@code RoleFirst}): the request is an editor's, whose refusal may wait. */
    @DeletedMeanwhile.Editor
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 15)
    public void mark(ResteasyReactiveContainerRequestContext request) {
        request.setProperty(EDITOR, Boolean.TRUE);
    }

    /**
     * Whether the project policy's {@code refusal} waits for the form to be read: only an editor's request refused for a
     * lowered role (403) or an archived project (409) does (the first one, when two filters refuse). When this answers
     * false the caller throws the refusal itself.
     */
    public static boolean waits(ContainerRequestContext request, ApiException refusal) {
        if (said(refusal) == null || request.getProperty(EDITOR) == null) {
            return false;
        }
        if (request.getProperty(WAITING) == null) {
            request.setProperty(WAITING, refusal);
        }
        return true;
    }

    /**
     * The waiting refusal, once the form is read. Filters that need the form run after it is read, in reverse priority
     * order, so this one (the lowest priority) runs after the CSRF check (AUTHORIZATION + 10) and the NUL check (USER):
     * the text is shown only to a request that carries its login's own CSRF token (RoleLoweredTest, ArchivedKeepsTextTest).
     */
    @DeletedMeanwhile.Editor
    @WithFormRead
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 5)
    public void refuse(ResteasyReactiveContainerRequestContext request) {
        if (request.getProperty(WAITING) instanceof ApiException refusal) {
            request.setProperty(ANSWERED, Boolean.TRUE);
            throw refusal;
        }
    }

    /** The page of a request whose refusal waited: with the typed text when that refusal itself is answered; null for any other request. */
    static Response page(HttpHeaders headers) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || !(request.getProperty(WAITING) instanceof ApiException refusal)) {
            return null;
        }
        if (request.getProperty(ANSWERED) == null || request.getFormData() == null) {
            // Something else was refused on the way (a NUL, a bad CSRF token): the policy's refusal is the answer, as before.
            return ErrorPage.plain(refusal.status(), refusal.getMessage(), refusal.details(), headers);
        }
        List<DeletedMeanwhile.Typed> fields = DeletedMeanwhile.typed(request.getFormData());
        return DeletedMeanwhile.kept(refusal.status(), ErrorMapper.titleFor(refusal.status()), said(refusal),
                "Your text is kept below so you can copy it.", refusal.getMessage(), fields, headers);
    }

    /** What changed while the user typed, for a refusal that keeps the text; null for any other refusal. */
    private static String said(ApiException refusal) {
        if (refusal.status() == 403) {
            return "Your role in this project no longer allows editing.";
        }
        if (refusal.status() == 409 && refusal.details() != null && Boolean.TRUE.equals(refusal.details().get("archived"))) {
            return "This project was archived while you typed: it takes no changes.";
        }
        return null;
    }
}
