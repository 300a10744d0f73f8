package dev.specboard.support;

/** Addresses of the JSON API that tests call, so that each test does not spell the prefix by hand. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code /api/v1/projects/{slug}}: a project's API root. */
    public static String project(String slug) {
        return "/api/v1/projects/" + slug;
    }

    /** A path under a project's API root, {@code rest} starting with a slash (or empty). */
    public static String project(String slug, String rest) {
        return project(slug) + rest;
    }
}
