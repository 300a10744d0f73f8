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
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SearchService search;

    /**
     * The ranking {@code limit} results a page (20 unless asked), {@code ?page=2} the next, past the last an empty list, as
     * the API's other lists page; {@code X-Total-Count} says how many the ranking holds (counted with the same query, at
     * most 20,000) and the {@code Link} names the last page. When so many match that stories or files ranked only the
     * first 2,000 found, {@code X-Results-Partial: true} says so.
     */
    @GET
    public List<Result> search(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("kind") String kind,
                               @QueryParam("limit") Integer limit, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        // The limit was checked to be 1 to 100 when it was read (web.QueryValues); a value outside used to be taken silently.
        int n = limit == null ? SearchService.PAGE_SIZE : limit;
        // An unknown kind is 422 naming the kinds, as the other lists refuse a filter value: never a search of everything.
        String chosen = QueryParams.oneOf("kind", kind, search.kindNames());
        long offset = (long) (page == null ? 0 : page - 1) * n;
        // A ranking that read only a kind's first matches found says so in a header (PagingLinks), as the page says it in words.
        SearchService.Ranked ranked = search.ranked(access.project().id, access.slug(), q, chosen, n, offset);
        paging.partial(ranked.partial());
        paging.counted(page, search.total(access.project().id, access.slug(), q, chosen, ranked, n, offset), n);
        return ranked.hits().stream().map(SearchApi::result).toList();
    }

    static Result result(SearchHit h) {
        return new Result(h.kind(), h.key(), h.title(), h.snippetText(), h.url());
    }
}
