package dev.specboard.assist;

import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** "Explain" on a file page: the file and the selected lines (and the thread to answer on, when asked from one). */
public record ExplainForm(@FormParam("path") String path, @FormParam("lineStart") String lineStart, @FormParam("lineEnd") String lineEnd,
                          @FormParam("threadId") String threadId) {

    Map<String, Object> params(String repo) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("repo", repo);
        p.put("path", path);
        p.put("lineStart", lineStart);
        p.put("lineEnd", lineEnd == null || lineEnd.isBlank() ? lineStart : lineEnd);
        p.put("threadId", threadId);
        return p;
    }
}
