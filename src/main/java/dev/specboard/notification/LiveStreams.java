package dev.specboard.notification;

import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One server-sent-event stream over the live bus, for browsers and agents alike: a {@code ready}
 * event first, then the events a caller may see, and a comment every 25 s so proxies keep it open.
 */
@ApplicationScoped
public class LiveStreams {

    @Inject
    LiveUpdates live;

    public Multi<OutboundSseEvent> stream(Sse sse, Predicate<LiveEvent> visible, Function<LiveEvent, String> data) {
        Multi<OutboundSseEvent> events = live.stream().filter(visible)
                .map(e -> sse.newEventBuilder().name(e.kind()).data(data.apply(e)).build());
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(25))
                .map(t -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(sse.newEventBuilder().name("ready").data("ready").build()), events, heartbeat);
    }
}
