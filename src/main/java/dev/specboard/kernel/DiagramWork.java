package dev.specboard.kernel;

import dev.specboard.web.diagram.Diagram;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The turns of diagram layouts ({@link HeavyWork}): a layout of a large journey or component graph holds tens of MB while it
 * runs, and two of them at once ran the 160 MB heap out. Every picture's layout takes a turn before it is computed (a cached
 * one takes none); one that finds none within {@code specboard.diagrams.layout-wait-seconds} answers 503 busy with Retry-After.
 */
@Startup
@ApplicationScoped
public class DiagramWork {

    private HeavyWork layouts;

    @PostConstruct
    void init() {
        layouts = HeavyWork.configured("diagram layouts", "specboard.diagrams.layouts-at-once", 2, "specboard.diagrams.layout-wait-seconds", 20);
        Diagram.layoutTurns(() -> layouts.turn()::close);
    }

    /** The layouts' turns. */
    public HeavyWork layouts() {
        return layouts;
    }
}
