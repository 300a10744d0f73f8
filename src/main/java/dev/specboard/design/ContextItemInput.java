package dev.specboard.design;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A new context item as submitted (form or API): its type, text or URL, categories, tags, what the member
 * said, and an uploaded file's name and bytes (null for text and URLs).
 */
public record ContextItemInput(String itemType, String text, String url, List<String> categories, String tags, String submittedContext,
                               String fileName, byte[] content, long size) {

    /** The parts of a form or multipart call an item has one of at most: one file per item (categories and tags may repeat). */
    public static final java.util.Set<String> SINGLE_PARTS = java.util.Set.of("itemType", "text", "url", "submittedContext", "file");

    public static ContextItemInput empty() {
        return new ContextItemInput("text", "", "", List.of(), "", "", null, null, 0);
    }

    /** The submitted fields of a form or multipart API call; an upload over {@code max} is not read (its size alone is refused). */
    public static ContextItemInput of(String itemType, String text, String url, List<String> categories, String tags, String submittedContext,
                                      FileUpload file, long max) {
        byte[] content = null;
        long size = 0;
        String name = null;
        if (file != null && file.uploadedFile() != null && file.size() > 0) {
            size = file.size();
            name = file.fileName();
            try {
                content = size <= max ? Files.readAllBytes(file.uploadedFile()) : new byte[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ContextItemInput(typeOrDefault(itemType, content != null), text, url, categories == null ? List.of() : categories, tags,
                submittedContext, name, content, size);
    }

    /**
     * An item without a type is text, unless a file came with it: then the type (file or screenshot) is missing, and
     * is named, where the file was ignored and the item refused for its missing text.
     */
    public static String typeOrDefault(String itemType, boolean withFile) {
        return itemType != null ? itemType : withFile ? null : "text";
    }

    public boolean hasCategory(String c) {
        return categories != null && categories.contains(c);
    }
}
