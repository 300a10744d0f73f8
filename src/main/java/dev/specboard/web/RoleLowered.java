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
 * The answer to an editor's form saved after the user's role was lowered while they typed (made a viewer, say): the
 * project policy refuses it 403 before the body is read, so a plain 403 page lost the typed text. On an editor's
 * route ({@link DeletedMeanwhile.Editor}) the policy's 403 waits until the form is read and its CSRF token checked, and
 * then answers with the typed text in read-only textareas to copy. The policy still decides and still comes first: a
 * non-member's 404 and an archived project's 409 are answered at once, and whatever else a waiting 403 meets on the way
 * (a NUL character, an unreadable form, a wrong CSRF token, a wrong content type) is answered as that same 403, without
 * the text. The marks are bound at build time, so nothing is looked up per request.
 */
public class RoleLowered {

    private static final String EDITOR = RoleLowered.class.getName() + ".editor";
    private static final String WAITING = RoleLowered.class.getName() + ".waiting";
    private static final String ANSWERED = RoleLowered.class.getName() + ".answered";

    /** Before the project policy ({@code ProjectFirst}, {@code RoleFirst}): the request is an editor's, whose 403 may wait. */
    @DeletedMeanwhile.Editor
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 15)
    public void mark(ResteasyReactiveContainerRequestContext request) {
        request.setProperty(EDITOR, Boolean.TRUE);
    }

    /**
     * Whether the project policy's {@code refusal} waits for the form to be read: only a 403 of an editor's request does
     * (the first one, when two filters refuse). When this answers false the caller throws the refusal itself.
     */
    public static boolean waits(ContainerRequestContext request, ApiException refusal) {
        if (refusal.status() != 403 || request.getProperty(EDITOR) == null) {
            return false;
        }
        if (request.getProperty(WAITING) == null) {
            request.setProperty(WAITING, refusal);
        }
        return true;
    }

    /**
     * The waiting 403, once the form is read. Filters that need the form run after it is read, in reverse priority
     * order, so this one (the lowest priority) runs after the CSRF check (AUTHORIZATION + 10) and the NUL check (USER):
     * the text is shown only to a request that carries its login's own CSRF token (RoleLoweredTest checks it).
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

    /** The page of a request whose 403 waited: with the typed text when the 403 itself is answered; null for any other request. */
    static Response page(HttpHeaders headers) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || !(request.getProperty(WAITING) instanceof ApiException refusal)) {
            return null;
        }
        if (request.getProperty(ANSWERED) == null || request.getFormData() == null) {
            // Something else was refused on the way (a NUL, a bad CSRF token): the policy's 403 is the answer, as before.
            return ErrorPage.plain(403, refusal.getMessage(), refusal.details(), headers);
        }
        List<DeletedMeanwhile.Typed> fields = DeletedMeanwhile.typed(request.getFormData());
        return DeletedMeanwhile.kept(403, ErrorMapper.titleFor(403), "Your role in this project no longer allows editing.",
                "Your text is kept below so you can copy it.", refusal.getMessage(), fields, headers);
    }
}
