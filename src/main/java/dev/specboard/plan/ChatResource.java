package dev.specboard.plan;

import dev.specboard.project.RoleFirst;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.Role;
import dev.specboard.web.LiveUpdates;
import dev.specboard.project.Access;
import dev.specboard.notification.LiveStreams;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.StreamGrants;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormAddress;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.Map;
import java.util.UUID;

/**
 * The chat of a plan version: the conversation, posting a message (the assistant's answer is written
 * in the background and streamed to the page over server-sent events; without JavaScript it appears
 * on reload), retrying a failed answer, and the chat's event stream.
 */
@Path("/projects/{slug}/plans/{id}/chat")
@Produces(MediaType.TEXT_HTML)
public class ChatResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate(basePath = "plan")
    static class Templates {
        static native TemplateInstance chat(Access access, ChatView view);

        static native TemplateInstance chat$log(Access access, ChatView view);

        static native TemplateInstance chat$conversation(Access access, ChatView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ChatService chats;

    @Inject
    PlanService plans;

    @Inject
    ChatStream stream;

    @Inject
    LiveUpdates live;

    @Inject
    LiveStreams streams;

    @Inject
    StreamGrants grants;

    @GET
    public Response show(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        ChatView view = chats.view(access, id, "", null);
        return Htmx.pageOrFragment(headers, () -> Templates.chat(access, view), () -> Templates.chat$log(access, view));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("slug") String slug, @PathParam("id") UUID id, @FormParam("content") String content,
                         @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            chats.ask(access, id, content);
        } catch (ValidationException e) {
            ChatView view = chats.view(access, id, content, e.errors().get("content"));
            return Htmx.invalid(Htmx.isHtmx(headers) ? Templates.chat$conversation(access, view) : Templates.chat(access, view));
        } catch (ApiException e) {
            // The plan was completed or archived while this message was written (another tab, another person): the
            // chat says it is closed and hands the message back, instead of an error page that swapped the chat away.
            if (e.status() != 409 || access.archived()) {
                throw e;
            }
            ChatView view = chats.view(access, id, content, e.getMessage());
            return Htmx.page(Htmx.isHtmx(headers) ? Templates.chat$conversation(access, view) : Templates.chat(access, view), 409);
        }
        return answer(access, id, headers);
    }

    /** The retry button lives in the chat: a GET of its address opens the chat. */
    @GET
    @Path("messages/{messageId}/retry")
    public Response retryForm(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        // another project's plan is 404 under this slug, as on every route, not a redirect to a page that 404s
        plans.require(projectAccess.read(slug), id);
        return FormAddress.holder("/projects/{slug}/plans/{id}/chat", slug, id);
    }

    @RoleFirst.Member
    @POST
    @Path("messages/{messageId}/retry")
    public Response retry(@PathParam("slug") String slug, @PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        chats.retry(access, id, messageId);
        return answer(access, id, headers);
    }

    /**
     * The chat's events: {@code token} ({@code {"m": message id, "t": text}}) while an answer is written
     * on this instance, {@code done} ({@code {"m": ...}}) when it is stored, and {@code changed} when a chat
     * of the project changed anywhere. The access check runs in its own short transaction: the stream
     * holds no database connection while it is open.
     */
    @GET
    @Path("events")
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<OutboundSseEvent> events(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context Sse sse) {
        UUID[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Access access = projectAccess.read(slug);
            return new UUID[] {access.project().id, plans.require(access, id).id};
        });
        UUID projectId = ids[0];
        UUID planId = ids[1];
        Multi<OutboundSseEvent> pieces = stream.all()
                .filter(p -> planId.equals(p.planId()))
                .map(p -> sse.newEventBuilder().name(p.done() ? "done" : "token").data(json(p)).build());
        Multi<OutboundSseEvent> changed = live.stream().filter(e -> "chat".equals(e.kind()) && projectId.equals(e.projectId()))
                .map(e -> sse.newEventBuilder().name("changed").data("chat").build());
        return streams.guarded(sse, grants.grant(projectId), Multi.createBy().merging().streams(pieces, changed));
    }

    private Response answer(Access access, UUID id, HttpHeaders headers) {
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(Templates.chat$conversation(access, chats.view(access, id, "", null)));
        }
        return Response.seeOther(java.net.URI.create("/projects/" + access.slug() + "/plans/" + id + "/chat#chat-form")).build();
    }

    private static String json(ChatStream.Piece p) {
        try {
            return JSON.writeValueAsString(p.done() ? Map.of("m", p.messageId().toString())
                    : Map.of("m", p.messageId().toString(), "t", p.text()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
