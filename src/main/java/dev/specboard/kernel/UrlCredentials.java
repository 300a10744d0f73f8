package dev.specboard.kernel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides the credentials that URLs may carry (repository URLs with a token or password) from pages and logs. */
public final class UrlCredentials {

    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]+)@");

    private UrlCredentials() {
    }

    /** The text with the password (or, for http(s), a token used as user name) of every URL in it replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null || !text.contains("@")) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1);
            String info = m.group(2);
            int colon = info.indexOf(':');
            String safe = colon >= 0 ? info.substring(0, colon) + ":***"
                    : scheme.toLowerCase(Locale.ROOT).startsWith("http") ? "***" : info;
            m.appendReplacement(out, Matcher.quoteReplacement(scheme + safe + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A copy of the exception and its causes, with the same stack traces, whose messages carry no URL password: for logs. */
    public static Throwable redacted(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + redact(e.getMessage());
        RuntimeException copy = new RuntimeException(message);
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(redacted(e.getCause()));
        }
        return copy;
    }
}
