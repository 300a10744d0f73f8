package dev.specboard.design;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A context item in the list, with its analysis (or that it is analysing) and usage. */
public record ContextItemRow(UUID id, String itemType, String contentUrl, String contentText, List<String> categories, List<String> tags,
                             int timesReferenced, Instant lastReferencedAt, Instant submittedAt, String submittedContext, String submittedBy,
                             ContextMetadata metadata, ContextAnalysis analysis, boolean analysing) {

    /** A short title: the file's name, the URL, or the start of the text. */
    public String title() {
        if (metadata.fileName() != null) {
            return metadata.fileName();
        }
        if (itemType.equals("url") && contentUrl != null) {
            return contentUrl;
        }
        String t = contentText == null ? "" : contentText.strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t.isEmpty() ? itemType : t;
    }

    /** Whether the text says more than its title, so a short text is not shown twice, once as the title and again below it. */
    public boolean textBeyondTitle() {
        return contentText != null && !contentText.strip().equals(title());
    }

    public boolean hasFile() {
        return itemType.equals("file") || itemType.equals("screenshot");
    }
}
