package dev.specboard.web;

import java.util.regex.Pattern;

/**
 * A request path as it may appear in a log line: the secret of a link that works without a login (an invitation, a
 * preview) is replaced, since whoever reads the logs could otherwise join the project or open the preview with it.
 */
public final class LoggedPath {

    /**
     * The segment after /invitations/, /preview/ or /password-reset/ is the link's secret (see InvitationResource,
     * PublicPreviewResource, PasswordResetResource).
     */
    private static final String LINKS = "(?:invitations|preview|password-reset)";

    /** A path's link secret: the segment after the first one, when that names such a link. */
    private static final Pattern SECRET = Pattern.compile("^(/+" + LINKS + "/+)[^/]+", Pattern.CASE_INSENSITIVE);

    /**
     * The same secret anywhere in a text (an exception's message naming the request's URL or path): the segment after an
     * invitations/, preview/ or password-reset/ segment, up to the next slash, query, fragment, space or quote.
     */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile("((?<![A-Za-z0-9_.~-])" + LINKS + "/+)[^/?#\\s\"'<>]+",
            Pattern.CASE_INSENSITIVE);

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

    /** Free text (an exception's or a refusal's message) with every link secret in it replaced; null stays null. */
    public static String text(String text) {
        return text == null ? null : SECRET_IN_TEXT.matcher(text).replaceAll("$1" + REDACTED);
    }

    /**
     * The exception to log: itself when no message of its chain carries a link secret, else a copy of the chain with the
     * same stack traces whose messages have it replaced. A framework's message may quote the request's URL (a conversion
     * or routing failure), and a stack trace goes to the log whole.
     */
    public static Throwable thrown(Throwable e) {
        boolean secret = false;
        for (Throwable t = e; t != null && !secret; t = t.getCause() == t ? null : t.getCause()) {
            secret = t.getMessage() != null && !t.getMessage().equals(text(t.getMessage()));
        }
        return secret ? copy(e, 0) : e;
    }

    private static Throwable copy(Throwable e, int depth) {
        Redacted c = new Redacted(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + text(e.getMessage())));
        c.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e && depth < 20) {
            c.initCause(copy(e.getCause(), depth + 1));
        }
        return c;
    }

    /** A logged stand-in for an exception whose message carried a link secret: its text names the original class. */
    private static final class Redacted extends RuntimeException {
        Redacted(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
