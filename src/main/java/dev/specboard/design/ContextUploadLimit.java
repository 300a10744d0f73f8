package dev.specboard.design;

import dev.specboard.web.RouteBodyLimit;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The largest body the API's context item call can take: a file of at most {@code specboard.context.max-upload-bytes}
 * and the rest of the item (text, categories, tags, what the member said; their limits add up to well under
 * {@link #FORM}). A larger body is refused 413 from its declared length, before it waits for the body budget: eight
 * uploads of 8.6 MB sent at once got 503 "send again" for six of them, though none could ever be taken. The page's form
 * is left to its own 413, which re-renders the form with the values kept.
 */
@Singleton
class ContextUploadLimit implements RouteBodyLimit {

    /** Room for the item's other fields and the multipart or JSON framing (the text alone is at most 100,000 characters). */
    static final long FORM = 1024 * 1024;

    private static final Pattern ROUTE = Pattern.compile("/api/v1/projects/[^/?]+/context-items/?");

    private final ContextSources sources;

    ContextUploadLimit(ContextSources sources) {
        this.sources = sources;
    }

    @Override
    public Refusal judge(String method, String path, String contentType, long declared) {
        if (!"POST".equals(method) || contentType == null || !ROUTE.matcher(path).matches()) {
            return null;
        }
        long file = sources.maxUploadBytes();
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        long largest;
        if (type.startsWith("multipart/form-data")) {
            largest = file + FORM;
        } else if (type.startsWith("application/json")) {
            // Base64 is 4/3 of the bytes; twice them leaves room for line breaks, escaped or not, inside the string.
            largest = 2 * file + FORM;
        } else {
            return null;
        }
        if (declared <= largest) {
            return null;
        }
        String most = ContextItemService.megabytes(file);
        return new Refusal("The upload is " + ContextItemService.megabytes(declared) + "; files may be at most " + most
                + " (the whole request at most " + ContextItemService.megabytes(largest) + ").", Map.of("file", "At most " + most));
    }
}
