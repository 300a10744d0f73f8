package dev.specboard.api;

import dev.specboard.project.ProjectFirst;
import dev.specboard.web.QueryValues;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a page size ({@code ?limit=}, or the spellings other APIs use for it) on an API route that does not take one.
 * DESIGN.md gives the lists no page size; only the search takes {@code limit} (1 to {@link QueryValues#MAX_LIMIT}). On
 * the other lists {@code limit=10} was ignored, 50 rows came back and the {@code Link} header carried {@code limit=10}
 * on, as if it had been honoured, and {@code limit=abc} passed unremarked: now it is 400 naming the parameter, as a
 * malformed one is. Runs after the project policy ({@link ProjectFirst}): an outsider still gets 404.
 */
public class PageSizeGuard {

    private static final String API = "/api/v1/";

    /** The names a client may use for how many rows a page holds. */
    static final List<String> NAMES = List.of(QueryValues.LIMIT, "per_page", "perPage", "page_size", "pageSize", "size");

    static final String NOT_TAKEN = "is not taken here: only the search takes limit (1 to " + QueryValues.MAX_LIMIT
            + "); the other lists have a fixed page size (ask for the next page with page)";

    /** The query parameters each resource method declares, read once. */
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 30)
    public void pageSizeOnlyWhereTaken(ResteasyReactiveContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API)) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        Method method = request.getServerRequestContext().getResteasyReactiveResourceInfo().getResourceMethod();
        Set<String> declared = method == null ? Set.of() : DECLARED.computeIfAbsent(method, PageSizeGuard::declared);
        for (String name : NAMES) {
            if (query.containsKey(name) && !declared.contains(name)) {
                throw new QueryValues.Malformed(name, NOT_TAKEN);
            }
        }
    }

    /** The query parameters a method declares, those of its bean params included. */
    static Set<String> declared(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Field f : p.getType().getDeclaredFields()) {
                    QueryParam q = f.getAnnotation(QueryParam.class);
                    if (q != null) {
                        names.add(q.value());
                    }
                }
            }
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
        }
        return names;
    }
}
