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

    /**
     * Adds to {@code errors}, keyed by JSON pointer, what a document still breaks beyond its schema. The document may
     * break its schema too (both are reported at once): a part of the wrong shape is left to the schema's problems.
     */
    static void check(ArtifactType type, JsonNode doc, FormErrors errors) {
        switch (type) {
            case IMPLEMENTATION_STEPS -> {
                JsonNode steps = items(doc.path("steps"));
                for (int i = 0; i < steps.size(); i++) {
                    // What turning the plan into a spec requires of a phase, checked here: an artifact saved without it
                    // left the plan unable to become a spec until another artifact replaced it.
                    JsonNode hours = steps.get(i).path("hours");
                    if (hours.isNumber() && hours.decimalValue().stripTrailingZeros().scale() > 2) {
                        errors.add("/steps/" + i + "/hours", "Give the hours with at most 2 decimals, like 1.25");
                    }
                    JsonNode files = items(steps.get(i).path("files"));
                    for (int f = 0; f < files.size(); f++) {
                        String path = files.get(f).isTextual() ? files.get(f).textValue() : null;
                        if (path != null && (!insideRepository(path) || path.contains(".."))) {
                            errors.add("/steps/" + i + "/files/" + f, "A path inside the repository, like src/App.java: no . or .. parts, no empty parts");
                        }
                    }
                }
                unique(steps, "name", "steps", errors,
                        (name, first) -> "Step names are unique in the plan: " + name + " is step " + (first + 1) + " already");
            }
            case CODE_CHANGES -> {
                JsonNode changes = items(doc.path("changes"));
                for (int i = 0; i < changes.size(); i++) {
                    JsonNode path = changes.get(i).path("path");
                    if (path.isTextual() && !insideRepository(path.textValue())) {
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
            JsonNode named = items.get(i).path(field);
            if (!named.isTextual()) {
                continue;
            }
            String value = named.textValue();
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                errors.add("/" + array + "/" + i + "/" + field, message.of(value, first));
            }
        }
    }

    /** The array {@code node} is, or an empty one when it is something else (which its schema refuses). */
    private static JsonNode items(JsonNode node) {
        return node.isArray() ? node : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
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
