package dev.specboard.notification;

import dev.specboard.project.StreamGrant;
import dev.specboard.project.StreamGrants;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One server-sent-event stream over the live bus, for browsers and agents alike: a {@code ready}
 * event first, then the events a caller may see, and a comment every 25 s so proxies keep it open. A stream ends
 * when the login or token that opened it ends or its account leaves the project it reads. An account holds at most
 * {@code specboard.live.max-streams-per-account} streams open at once ({@link LiveStreamSlots}).
 */
@ApplicationScoped
public class LiveStreams {

    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private static final String READY = "ready";

    @Inject
    LiveUpdates live;

    @Inject
    StreamGrants grants;

    @Inject
    LiveStreamSlots slots;

    /** The live events the grant's holder may see, as {@code kind} events with {@code data}. */
    public Multi<OutboundSseEvent> stream(Sse sse, StreamGrant grant, Predicate<LiveEvent> visible, Function<LiveEvent, String> data) {
        // The ready event's data has the shape of the others' (the API's JSON {"kind":"ready","project":...}, the pages' kind).
        String ready = data.apply(new LiveEvent(READY, grant.accountId(), grant.projectId()));
        return guarded(sse, grant, ready, live.stream().filter(e -> !StreamGrant.isAboutAccess(e) && visible.test(e)).map(e -> sse.newEventBuilder().name(e.kind()).data(data.apply(e)).build()));
    }

    /**
     * {@code ready}, then the events, with a heartbeat; ended as soon as the grant no longer holds. The grant is read
     * again at every heartbeat and whenever the bus says something that may have ended it happened (a logout, a
     * revoked token, a removed member: on any instance), so a stream never outlives its access by more than a moment.
     */
    public Multi<OutboundSseEvent> guarded(Sse sse, StreamGrant grant, Multi<OutboundSseEvent> events) {
        return guarded(sse, grant, READY, events);
    }

    private Multi<OutboundSseEvent> guarded(Sse sse, StreamGrant grant, String ready, Multi<OutboundSseEvent> events) {
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        Multi<OutboundSseEvent> checks = Multi.createBy().merging().streams(
                        Multi.createFrom().ticks().every(HEARTBEAT).map(t -> grant),
                        live.stream().filter(grant::shakenBy).map(e -> grant))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // the check reads the database
                .map(g -> grants.holds(g) ? sse.newEventBuilder().comment("keep-alive").build() : end);
        Multi<OutboundSseEvent> stream = Multi.createBy().merging().streams(Multi.createFrom().item(sse.newEventBuilder().name(READY).data(ready).build()),
                        events, checks)
                .select().first(e -> e != end);
        // Taken last, once nothing can fail before the stream is handed over: whatever ends the stream gives it back.
        Runnable release = slots.take(grant.accountId(), HEARTBEAT.toSeconds());
        stream = stream.onTermination().invoke(release);
        Context connection = Vertx.currentContext();
        // Each event is written on its connection's event loop, where the connection closes: the library looks whether it
        // is closed before writing, and only there is that answer still true at the write. Written from another thread
        // (the bus's listener, a worker), an event could reach a connection that closed meanwhile, and Netty logged a
        // WARN with a stack trace (IllegalReferenceCountException) for each; the closing cancels the stream there too.
        return connection == null ? stream : stream.emitOn(task -> connection.runOnContext(v -> task.run()));
    }
}
