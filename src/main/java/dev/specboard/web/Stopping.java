package dev.specboard.web;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Whether this instance is stopping: background work that the stop cuts short (its database closes under it) ends
 * quietly instead of reporting the closed database as a failure, and leaves what it held to its lease.
 */
@Singleton
public class Stopping {

    private static volatile boolean stopping;

    void started(@Observes StartupEvent event) {
        stopping = false;
    }

    // Before any other observer of the stop: those close what the background work uses.
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the stop has begun. */
    public static boolean now() {
        return stopping;
    }

    /** For a test of what background work does during a stop: sets the state, answers the one it replaced. */
    public static boolean set(boolean value) {
        boolean was = stopping;
        stopping = value;
        return was;
    }
}
