package dev.specboard.search;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The project search page: results grouped by kind, the kind filter and the page in the URL. */
@Path("/projects/{slug}/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    @CheckedTemplate(basePath = "search")
    static class Templates {
        static native TemplateInstance results(Access access, SearchView view);

        static native TemplateInstance results$groups(Access access, SearchView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SearchService search;

    @GET
    public Response page(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("kind") String kind,
                         @QueryParam("page") Integer page, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        // An unknown kind searches nothing and says which kinds there are (422), never everything as if it were the answer.
        FilterChoices choices = new FilterChoices();
        String chosen = choices.oneOf("kind", "kind of result", kind, search.kindNames());
        SearchView view = view(access, q, chosen.isEmpty() ? null : chosen, page, choices);
        TemplateInstance shown = Htmx.isFragment(headers) ? Templates.results$groups(access, view) : Templates.results(access, view);
        // A query the search refuses (too long) is 422 like an unknown kind, with the words kept as typed.
        return view.notice() != null ? Htmx.invalid(shown) : choices.answer(shown);
    }

    private SearchView view(Access access, String q, String kind, Integer rawPage, FilterChoices choices) {
        List<SearchView.KindRef> kinds = search.kinds().stream().map(k -> new SearchView.KindRef(k.kind(), k.label())).toList();
        String query = q == null ? "" : q.strip();
        FormErrors refused = choices.errors();
        if (choices.refused()) {
            return new SearchView(query, null, 1, List.of(), kinds, null, refused);
        }
        try {
            if (kind == null) {
                return new SearchView(query, null, 1, search.search(access.project().id, access.slug(), query, null, SearchService.PER_KIND, 0),
                        kinds, null, refused);
            }
            // One kind pages through its results: a page past the last shows the last, as the other lists do. Counting
            // costs about as much as the search, so it runs only when the page asked for came back empty.
            PageNumbers at = PageNumbers.of(rawPage, SearchService.MAX_RESULTS, SearchService.PAGE_SIZE);
            List<SearchView.Group> groups = search.search(access.project().id, access.slug(), query, kind, SearchService.PAGE_SIZE, at.offset());
            if (at.hasPrevious() && groups.stream().allMatch(g -> g.hits().isEmpty())) {
                at = PageNumbers.of(at.page(), search.count(access.project().id, access.slug(), query, kind), SearchService.PAGE_SIZE);
                groups = search.search(access.project().id, access.slug(), query, kind, SearchService.PAGE_SIZE, at.offset());
            }
            return new SearchView(query, kind, at.page(), groups, kinds, null, refused);
        } catch (ValidationException e) {
            return new SearchView(query, kind, 1, List.of(), kinds, String.join(" ", e.errors().asMap().values()), refused);
        }
    }
}
