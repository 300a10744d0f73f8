package dev.specboard.design;


/** What is known about an item's content: the uploaded file's name, size, detected type and hash, or a URL's host and whether it was fetched. */
public record ContextMetadata(String fileName, Long size, String contentType, String sha256, String host, Boolean fetched) {

    public static ContextMetadata none() {
        return new ContextMetadata(null, null, null, null, null, null);
    }
}
