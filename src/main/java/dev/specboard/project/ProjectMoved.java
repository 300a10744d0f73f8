package dev.specboard.project;

import dev.specboard.web.ApiException;
import dev.specboard.web.Relocated;

/**
 * A project asked for by a slug it had before, by one of its members: a read is redirected to the same place under its
 * slug now (301, as GitHub does for a renamed repository), any other request is 404 saying where it is.
 */
public class ProjectMoved extends ApiException implements Relocated {

    private final String from;
    private final String to;

    ProjectMoved(String from, String to) {
        super(404, "Project not found: it is now /projects/" + to);
        this.from = from;
        this.to = to;
    }

    /** The request's path under the project's slug now: {@code /projects/old/stories} becomes {@code /projects/new/stories}. */
    @Override
    public String relocated(String path) {
        return path.replaceFirst("/projects/" + java.util.regex.Pattern.quote(from) + "(?=/|$)", java.util.regex.Matcher.quoteReplacement("/projects/" + to));
    }
}
