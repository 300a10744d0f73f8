package dev.specboard.assist;

import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** A documentation outline asked for on the jobs page: a repository and a path, or a component. */
public record DocsForm(@FormParam("repo") String repo, @FormParam("path") String path, @FormParam("componentId") String componentId) {

    public static DocsForm empty() {
        return new DocsForm("", "", "");
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("repo", repo);
        p.put("path", path);
        p.put("componentId", componentId);
        return p;
    }
}
