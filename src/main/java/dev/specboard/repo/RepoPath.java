package dev.specboard.repo;

import dev.specboard.web.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A path inside a repository, relative to its root, as someone gave it: the one definition of such a path, read two ways.
 * Segments are separated by {@code /}; an empty or {@code .} segment names no step and a {@code ..} segment leaves the
 * folder it is in. A list of files (a spec phase's) keeps its {@link #normalised} form, so one file is one entry; a page
 * or a request addresses its {@link #addressed} form, which never leaves the tree.
 */
public record RepoPath(String given) {

    private static final int MAX_ADDRESS = 4096;

    /** The path as given; none reads as the repository's root. */
    public RepoPath {
        given = given == null ? "" : given;
    }

    public static RepoPath of(String given) {
        return new RepoPath(given);
    }

    /**
     * As a list of files compares it: {@code ./f.txt}, {@code /f.txt}, {@code f.txt/} and {@code f.txt} are one file, so
     * surrounding blanks and the segments that name no step go; a {@code ..} segment stays, for the list's check to refuse
     * (see {@link #climbs}). A path of no step reads as empty.
     */
    public String normalised() {
        return Arrays.stream(given.trim().split("/")).filter(s -> !namesNoStep(s)).collect(Collectors.joining("/"));
    }

    /** Whether a step of the path leaves the folder it is in ({@code ..}), which a list of files refuses. */
    public boolean climbs() {
        return Arrays.stream(normalised().split("/")).anyMatch(RepoPath::leaves);
    }

    /**
     * As a URL addresses it: slashes at either end trimmed (empty: the root), or 404 when it is no place in the tree (a
     * segment naming no step or leaving its folder, a NUL, more than 4096 characters). Control characters and the
     * backslash stay: git allows every byte but NUL and {@code /} in a name, so a file whose name holds a newline, a tab
     * or a backslash (as {@link GitNames} writes a byte that is no UTF-8) is reachable by its link, which escapes them.
     */
    public String addressed() {
        String p = given;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return "";
        }
        if (p.length() > MAX_ADDRESS || p.indexOf(0) >= 0) {
            throw ApiException.notFound("No such path");
        }
        for (String segment : p.split("/", -1)) {
            if (namesNoStep(segment) || leaves(segment)) {
                throw ApiException.notFound("No such path");
            }
        }
        return p;
    }

    private static boolean namesNoStep(String segment) {
        return segment.isEmpty() || segment.equals(".");
    }

    private static boolean leaves(String segment) {
        return segment.equals("..");
    }
}
