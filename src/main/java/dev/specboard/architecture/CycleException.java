package dev.specboard.architecture;

import dev.specboard.web.ApiException;

import java.util.List;
import java.util.Map;

/** A dependency that would close a cycle: 409 naming the components of the cycle in order. */
public class CycleException extends ApiException {

    private final transient List<String> cycle;

    public CycleException(List<String> cycle) {
        super(409, "This dependency would close a cycle: " + String.join(" \u2192 ", cycle) + ". Dependencies must not form a cycle.",
                Map.of("cycle", List.copyOf(cycle)));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }

    public String path() {
        return String.join(" \u2192 ", cycle);
    }
}
