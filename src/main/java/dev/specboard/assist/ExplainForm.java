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
        // Empty is "that line only", except on a thread: there it is the thread's last line (another one is refused).
        boolean onThread = threadId != null && !threadId.isBlank();
        p.put("lineEnd", lineEnd == null || lineEnd.isBlank() ? (onThread ? null : lineStart) : lineEnd);
        p.put("threadId", threadId);
        return p;
    }
}
