package dev.specboard.architecture;

import jakarta.ws.rs.FormParam;

/** The component a component should depend on, as chosen in the form. */
public record DependencyForm(@FormParam("dependsOn") String dependsOn) {

    public static DependencyForm empty() {
        return new DependencyForm("");
    }
}
