package dev.specboard.repo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A submodule of a manifest (a gitlink entry): the folder it sits in and the commit of the other repository it pins. */
public record Submodule(String path, String commitSha) {

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("commitSha", commitSha);
        return m;
    }

    static Submodule fromJson(Map<?, ?> m) {
        return new Submodule((String) m.get("path"), (String) m.get("commitSha"));
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
