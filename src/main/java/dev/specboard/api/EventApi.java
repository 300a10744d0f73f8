package dev.specboard.api;

import dev.specboard.notification.LiveStreams;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.StreamGrants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

/**
 * A project's live events for agents, as server-sent events over a bearer token: {@code board} (a
 * task moved or changed), {@code lease-expired}, {@code task-note}, {@code story} (approved),
 * {@code thread} (commented or resolved), {@code sync} (a repository synced), {@code job}, {@code chat}.
 * Each event's data is {@code {"kind":..., "project":...}}; the stream opens with {@code ready}.
 */
@Path("/api/v1/projects/{slug}/events")
public class EventApi {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    LiveStreams streams;

    @Inject
    StreamGrants grants;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> projectEvents(@PathParam("slug") String slug, @Context Sse sse) {
        // A short transaction for the access check: the stream outlives it and holds no connection.
        Access access = QuarkusTransaction.requiringNew().call(() -> projectAccess.read(slug));
        UUID project = access.project().id;
        // Kinds match [a-z][a-z0-9-]* and slugs [a-z0-9-]+: nothing here needs escaping.
        String slugOfProject = access.slug();
        return streams.stream(sse, grants.grant(project), e -> project.equals(e.projectId()),
                e -> "{\"kind\":\"" + e.kind() + "\",\"project\":\"" + slugOfProject + "\"}");
    }
}
