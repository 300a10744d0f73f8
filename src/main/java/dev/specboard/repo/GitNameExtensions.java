package dev.specboard.repo;

import io.quarkus.qute.TemplateExtension;

/**
 * A repository path as pages show it ({@code {file.entry.path.readable}}): a name that is no UTF-8 reads with U+FFFD for
 * its stray bytes instead of git's quoted {@code \377} ({@link GitNames}); links keep the path itself.
 */
@TemplateExtension
public final class GitNameExtensions {

    private GitNameExtensions() {
    }

    /** The path with the bytes that are no UTF-8 shown as U+FFFD. */
    public static String readable(String path) {
        return GitNames.readable(path);
    }

    /** Whether the path holds bytes that are no UTF-8, so that a page can say why it shows U+FFFD. */
    public static boolean notUtf8(String path) {
        return GitNames.notUtf8(path);
    }
}
