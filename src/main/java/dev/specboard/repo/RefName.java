package dev.specboard.repo;

import dev.specboard.web.ValidationException;

/**
 * A ref to read a repository's files at: a branch name git takes ({@link BranchName}) or a commit SHA (4 to 40 hex
 * digits). Anything else is refused before git sees it: an option ({@code --upload-pack=...}), a revision expression
 * ({@code main~1}, {@code HEAD@{1}}), a full ref path with {@code ..} or a space.
 */
public final class RefName {

    private static final int MAX_LENGTH = 255;

    private RefName() {
    }

    /** The ref as given, stripped; null when none is given (the latest manifest); 422 naming {@code ref} otherwise. */
    public static String check(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String r = ref.strip();
        if (r.startsWith("-")) {
            throw ValidationException.of("ref", "A branch name or a commit SHA, not an option: it must not start with '-'");
        }
        if (r.length() > MAX_LENGTH || !(isSha(r) || BranchName.Check.valid(r))) {
            throw ValidationException.of("ref", "A branch name git takes (like main or agent/task-12) or a commit SHA (4 to 40 hex digits)");
        }
        return r;
    }

    static boolean isSha(String ref) {
        return ref.matches("[0-9a-fA-F]{4,40}");
    }
}
