package dev.specboard.kernel;

import dev.specboard.web.diagram.Diagram;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The turns of diagram layouts ({@link HeavyWork}): a layout of a large journey or component graph holds tens of MB while it
 * runs, and two of them at once ran the 160 MB heap out. Every picture's layout takes a turn before it is computed (a cached
 * one takes none); one that finds none within {@code specboard.diagrams.layout-wait-seconds} answers 503 busy with Retry-After.
 */
@Startup
@ApplicationScoped
public class DiagramWork {

    @ConfigProperty(name = "specboard.diagrams.layouts-at-once", defaultValue = "2")
    int atOnce;

    @ConfigProperty(name = "specboard.diagrams.layout-wait-seconds", defaultValue = "20")
    long waitSeconds;

    private HeavyWork layouts;

    @PostConstruct
    void init() {
        layouts = new HeavyWork("diagram layouts", atOnce, waitSeconds);
        Diagram.layoutTurns(() -> layouts.turn()::close);
    }

    /** The layouts' turns. */
    public HeavyWork layouts() {
        return layouts;
    }
}
