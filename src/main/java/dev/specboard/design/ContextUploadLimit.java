package dev.specboard.design;

import dev.specboard.web.RouteBodyLimit;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The largest body a context item's upload can take: a file of at most {@code specboard.context.max-upload-bytes} and the
 * rest of the item (text, categories, tags, what the member said; their limits add up to well under {@link #FORM}). The
 * API's call refuses a larger body 413 from its declared length, before it waits for the body budget: eight uploads of
 * 8.6 MB sent at once got 503 "send again" for six of them, though none could ever be taken; one streamed without a
 * length is refused as soon as it passes that size (it was read on to the server's 20 MB limit first). The page's form is
 * left to its own 413, which re-renders the form with the values kept (clients such as RestAssured stream it chunked).
 */
@Singleton
class ContextUploadLimit implements RouteBodyLimit {

    /** Room for the item's other fields and the multipart or JSON framing (the text alone is at most 100,000 characters). */
    static final long FORM = 1024 * 1024;

    private static final Pattern API = Pattern.compile("/api/v1/projects/[^/?]+/context-items/?");

    private final ContextSources sources;

    ContextUploadLimit(ContextSources sources) {
        this.sources = sources;
    }

    @Override
    public long largest(String method, String path, String contentType, boolean streamed) {
        if (!"POST".equals(method) || contentType == null || !API.matcher(path).matches()) {
            return -1;
        }
        long file = sources.maxUploadBytes();
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return file + FORM;
        }
        if (type.startsWith("application/json")) {
            // Base64 is 4/3 of the bytes; twice them leaves room for line breaks, escaped or not, inside the string.
            return 2 * file + FORM;
        }
        return -1;
    }

    @Override
    public Refusal refusal(long size, long largest) {
        String most = ContextItemService.megabytes(sources.maxUploadBytes());
        return new Refusal((size < 0 ? "The upload is larger than " + ContextItemService.megabytes(largest) : "The upload is " + ContextItemService.megabytes(size))
                + "; files may be at most " + most + " (the whole request at most " + ContextItemService.megabytes(largest) + ").", Map.of("file", "At most " + most));
    }
}
