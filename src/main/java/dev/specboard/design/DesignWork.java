package dev.specboard.design;

import dev.specboard.kernel.HeavyWork;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The design side's heavy work, each kind in turns of its own ({@link HeavyWork}): each holds a parsed document or a
 * decoded picture of a few MB to tens of MB while it runs (a 264 KB mockup of 4,800 styled elements is a few MB as a
 * document; a WebP screenshot up to ~50 MB), and forty at once ran the 160 MB heap out. Kinds have turns of their own so
 * that a page's thumbnails never wait behind a screenshot's palette. Work that finds no turn within
 * {@code specboard.design.heavy-work-wait-seconds} answers 503 busy with {@code Retry-After}.
 */
@ApplicationScoped
public class DesignWork {

    @ConfigProperty(name = "specboard.mockups.analyses-at-once", defaultValue = "2")
    int analysesAtOnce;

    @ConfigProperty(name = "specboard.mockups.renders-at-once", defaultValue = "2")
    int rendersAtOnce;

    @ConfigProperty(name = "specboard.mockups.compares-at-once", defaultValue = "2")
    int comparesAtOnce;

    @ConfigProperty(name = "specboard.context.analyses-at-once", defaultValue = "1")
    int contextAtOnce;

    @ConfigProperty(name = "specboard.design.heavy-work-wait-seconds", defaultValue = "20")
    long waitSeconds;

    @ConfigProperty(name = "specboard.thinking.whole-reads-at-once", defaultValue = "4")
    int wholeChainsAtOnce;

    @ConfigProperty(name = "specboard.thinking.whole-read-wait-seconds", defaultValue = "60")
    long wholeChainWaitSeconds;

    private HeavyWork analyses;
    private HeavyWork renders;
    private HeavyWork compares;
    private HeavyWork contextAnalyses;
    private HeavyWork wholeChains;

    @PostConstruct
    void init() {
        analyses = new HeavyWork("mockup analyses", analysesAtOnce, waitSeconds);
        renders = new HeavyWork("mockup frames", rendersAtOnce, waitSeconds);
        compares = new HeavyWork("mockup compares", comparesAtOnce, waitSeconds);
        contextAnalyses = new HeavyWork("context item analyses", contextAtOnce, waitSeconds);
        wholeChains = new HeavyWork("whole thinking chains", wholeChainsAtOnce, wholeChainWaitSeconds);
    }

    /** A saved mockup's patterns: its HTML, CSS and JavaScript parsed. */
    public HeavyWork analyses() {
        return analyses;
    }

    /** A mockup's document (or thumbnail) built from its parsed HTML, for its sandboxed frame. */
    public HeavyWork renders() {
        return renders;
    }

    /** The line diff of two versions' sources. */
    public HeavyWork compares() {
        return compares;
    }

    /**
     * A thinking chain read whole (the API without a page), from its first statement to its answer's last byte: each holds
     * a database connection and a batch of thoughts while its JSON goes out, and thirty at once took every connection.
     */
    public HeavyWork wholeChains() {
        return wholeChains;
    }

    /** An uploaded or fetched context item's HTML parsed, or its picture decoded. */
    public HeavyWork contextAnalyses() {
        return contextAnalyses;
    }
}
