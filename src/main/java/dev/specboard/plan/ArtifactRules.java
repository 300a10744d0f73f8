package dev.specboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specboard.web.FormErrors;

import java.util.HashMap;
import java.util.Map;

/**
 * What an artifact must be beyond its JSON Schema, which cannot say it: step names unique in the plan, hours with at
 * most 2 decimals and files inside the repository (turning the steps into a spec refused these only then), and one
 * change per file, at a path inside the repository.
 */
final class ArtifactRules {

    private ArtifactRules() {
    }

    /** Adds to {@code errors}, keyed by JSON pointer, what a document valid against its schema still breaks. */
    static void check(ArtifactType type, JsonNode doc, FormErrors errors) {
        switch (type) {
            case IMPLEMENTATION_STEPS -> {
                JsonNode steps = doc.path("steps");
                for (int i = 0; i < steps.size(); i++) {
                    // What turning the plan into a spec requires of a phase, checked here: an artifact saved without it
                    // left the plan unable to become a spec until another artifact replaced it.
                    JsonNode hours = steps.get(i).path("hours");
                    if (hours.isNumber() && hours.decimalValue().stripTrailingZeros().scale() > 2) {
                        errors.add("/steps/" + i + "/hours", "Give the hours with at most 2 decimals, like 1.25");
                    }
                    JsonNode files = steps.get(i).path("files");
                    for (int f = 0; f < files.size(); f++) {
                        String path = files.get(f).asText();
                        if (!insideRepository(path) || path.contains("..")) {
                            errors.add("/steps/" + i + "/files/" + f, "A path inside the repository, like src/App.java: no . or .. parts, no empty parts");
                        }
                    }
                }
                unique(steps, "name", "steps", errors,
                        (name, first) -> "Step names are unique in the plan: " + name + " is step " + (first + 1) + " already");
            }
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
