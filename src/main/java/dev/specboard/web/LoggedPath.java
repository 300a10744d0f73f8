package dev.specboard.web;

import java.util.regex.Pattern;

/**
 * A request path as it may appear in a log line: the secret of a link that works without a login (an invitation, a
 * preview) is replaced, since whoever reads the logs could otherwise join the project or open the preview with it.
 */
public final class LoggedPath {

    /** The segment after /invitations/ or /preview/ is the link's secret (see InvitationResource, PublicPreviewResource). */
    private static final Pattern SECRET = Pattern.compile("^(/+(?:invitations|preview)/+)[^/]+", Pattern.CASE_INSENSITIVE);

    public static final String REDACTED = "[redacted]";

    private LoggedPath() {
    }

    /** The path with any link secret replaced and control characters escaped (see {@link InputGuard#printable}). */
    public static String of(String path) {
        if (path == null) {
            return "";
        }
        return InputGuard.printable(SECRET.matcher(path).replaceFirst("$1" + REDACTED));
    }
}
