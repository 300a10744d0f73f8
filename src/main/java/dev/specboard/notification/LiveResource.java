package dev.specboard.notification;

import dev.specboard.web.LiveEvent;
import dev.specboard.account.CurrentUser;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.StreamGrants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

/**
 * The server-sent-event stream of a browser page: events for the logged-in account, and for one
 * project when the page names it (after the usual access check).
 */
@Path("/events")
public class LiveResource {

    @Inject
    LiveStreams streams;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StreamGrants grants;

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<OutboundSseEvent> events(@QueryParam("project") String slug, @Context Sse sse) {
        UUID account = currentUser.requireAccountId();
        // The access check runs in its own short transaction: a stream lives as long as the page, and
        // must not hold a database connection all that time.
        UUID project = slug == null || slug.isBlank() ? null
                : QuarkusTransaction.requiringNew().call(() -> projectAccess.read(slug).project().id);
        return streams.stream(sse, grants.grant(project),
                e -> account.equals(e.accountId()) || (project != null && project.equals(e.projectId())), LiveEvent::kind);
    }
}
