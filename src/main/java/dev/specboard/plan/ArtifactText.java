package dev.specboard.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** An artifact as plain readable text, one fact per line, so that two versions compare line by line. */
final class ArtifactText {

    private ArtifactText() {
    }

    static String of(ArtifactType type, JsonNode doc) {
        StringBuilder b = new StringBuilder();
        switch (type) {
            case FEATURE_PLAN -> {
                b.append("Summary:\n").append(doc.path("summary").asText("").strip()).append("\n\nGoals:\n");
                doc.path("goals").forEach(g -> b.append("- ").append(g.asText()).append('\n'));
                list(b, "In scope", doc.path("scope").path("in"));
                list(b, "Out of scope", doc.path("scope").path("out"));
                if (doc.path("risks").size() > 0) {
                    b.append("\nRisks:\n");
                    doc.path("risks").forEach(r -> b.append("- ").append(r.path("risk").asText())
                            .append(r.hasNonNull("likelihood") ? " (" + r.get("likelihood").asText() + ")" : "")
                            .append(r.hasNonNull("mitigation") ? " — mitigation: " + r.get("mitigation").asText() : "").append('\n'));
                }
            }
            case IMPLEMENTATION_STEPS -> {
                int n = 1;
                for (JsonNode s : doc.path("steps")) {
                    b.append(n++).append(". ").append(s.path("done").asBoolean(false) ? "[x] " : "[ ] ").append(s.path("title").asText())
                            .append(" (").append(s.path("name").asText())
                            .append(s.hasNonNull("hours") ? ", " + s.get("hours").decimalValue().stripTrailingZeros().toPlainString() + " h" : "")
                            .append(")\n");
                    line(b, "   ", s.path("description").asText(null));
                    line(b, "   ", s.path("details").asText(null));
                    if (s.path("files").size() > 0) {
                        b.append("   Files: ").append(String.join(", ", PlanQueries.strings(s.path("files")))).append('\n');
                    }
                }
            }
            case CODE_CHANGES -> {
                line(b, "", doc.path("summary").asText(null));
                for (JsonNode c : doc.path("changes")) {
                    b.append("== ").append(c.path("action").asText()).append(' ').append(c.path("path").asText()).append('\n');
                    line(b, "", c.path("description").asText(null));
                    line(b, "| ", c.path("content").asText(null));
                }
            }
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String title, JsonNode items) {
        if (items.size() > 0) {
            b.append('\n').append(title).append(":\n");
            items.forEach(i -> b.append("- ").append(i.asText()).append('\n'));
        }
    }

    /** Each line of a multi-line text, indented. */
    private static void line(StringBuilder b, String indent, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String l : LineDiff.lines(text.strip())) {
            b.append(indent).append(l).append('\n');
        }
    }
}
