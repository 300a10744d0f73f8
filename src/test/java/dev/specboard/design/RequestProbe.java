package dev.specboard.design;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: records every request whose URL carries {@code hostile-probe}, before any security check, to prove a mockup sent none. */
@ApplicationScoped
public class RequestProbe {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    void routes(@Observes Router router) {
        router.route().order(-10_000).handler(ctx -> {
            if (ctx.request().uri().contains("hostile-probe")) {
                SEEN.add(ctx.request().method() + " " + ctx.request().uri());
            }
            ctx.next();
        });
    }

    void start(@Observes StartupEvent e) {
        SEEN.clear();
    }
}
