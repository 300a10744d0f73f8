package dev.specboard.api;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.search.SearchHit;
import dev.specboard.search.SearchService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** API v1 search: one ranked list over the project's stories, contexts, components, specs and tasks, plans, design pages, features, files and review threads. */
@Path("/api/v1/projects/{slug}/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    /** One result; {@code snippet} is the matching passage as plain text. */
    @RegisterForReflection
    public record Result(String kind, String key, String title, String snippet, String url) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SearchService search;

    @GET
    public List<Result> search(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("kind") String kind,
                               @QueryParam("limit") Integer limit) {
        Access access = projectAccess.read(slug);
        // The limit was checked to be 1 to 100 when it was read (web.QueryValues); a value outside used to be taken silently.
        int n = limit == null ? SearchService.PAGE_SIZE : limit;
        // An unknown kind is 400 naming the kinds, as the other lists refuse a filter value: never a search of everything.
        String chosen = QueryParams.oneOf("kind", kind, search.kindNames());
        return search.ranked(access.project().id, access.slug(), q, chosen, n).stream()
                .limit(n).map(SearchApi::result).toList();
    }

    static Result result(SearchHit h) {
        return new Result(h.kind(), h.key(), h.title(), h.snippetText(), h.url());
    }
}
