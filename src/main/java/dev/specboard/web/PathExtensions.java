package dev.specboard.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A repository path inside a URL, for every template and redirect: {@code {item.path.pathEncoded}} gives
 * {@code docs/100%25%20done%3F.md} for {@code docs/100% done?.md}. A file name may hold {@code #}, {@code ?}, {@code %}
 * or a space, which a raw path in an {@code href} would turn into a fragment, a query, a broken escape or an invalid URL.
 */
@TemplateExtension
public final class PathExtensions {

    private PathExtensions() {
    }

    /**
     * Each {@code /}-separated segment percent-encoded as UTF-8, the slashes between them kept. Only letters, digits and
     * {@code -._*} stay as they are, so the result also fits a query parameter's value.
     */
    public static String pathEncoded(String path) {
        if (path == null) {
            return "";
        }
        return Arrays.stream(path.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
