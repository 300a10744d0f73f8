package dev.specboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specboard.web.FormErrors;

import java.util.HashMap;
import java.util.Map;

/**
 * What an artifact must be beyond its JSON Schema, which cannot say it: step names unique in the plan (turning the
 * steps into a spec refused a repeated one only then), and one change per file, at a path inside the repository.
 */
final class ArtifactRules {

    private ArtifactRules() {
    }

    /** Adds to {@code errors}, keyed by JSON pointer, what a document valid against its schema still breaks. */
    static void check(ArtifactType type, JsonNode doc, FormErrors errors) {
        switch (type) {
            case IMPLEMENTATION_STEPS -> unique(doc.path("steps"), "name", "steps", errors,
                    (name, first) -> "Step names are unique in the plan: " + name + " is step " + (first + 1) + " already");
            case CODE_CHANGES -> {
                JsonNode changes = doc.path("changes");
                for (int i = 0; i < changes.size(); i++) {
                    String path = changes.get(i).path("path").asText();
                    if (!insideRepository(path)) {
                        errors.add("/changes/" + i + "/path", "A path inside the repository, like src/App.java: no . or .. parts, no empty parts");
                    }
                }
                unique(changes, "path", "changes", errors,
                        (path, first) -> path + " is changed by change " + (first + 1) + " already: one change per file");
            }
            default -> {
            }
        }
    }

    private interface Message {
        String of(String value, int first);
    }

    private static void unique(JsonNode items, String field, String array, FormErrors errors, Message message) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i).path(field).asText();
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                errors.add("/" + array + "/" + i + "/" + field, message.of(value, first));
            }
        }
    }

    /** A relative path whose every part names something: the schema already refuses a leading / or \. */
    static boolean insideRepository(String path) {
        for (String part : path.split("[/\\\\]", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
