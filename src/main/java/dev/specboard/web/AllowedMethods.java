package dev.specboard.web;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.mapping.URITemplate;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods a path answers to, from a table of every resource method built once from RESTEasy's own routing
 * model. RESTEasy answers 405 only when the last resource class it tries holds the path under another method; when
 * the path belongs to another class than the one its prefix picks first (a form-only route such as
 * {@code /projects/{slug}/components/{id}/delete}), it answers 404. The table lets the error mapper tell a known
 * address asked with the wrong method (405 with {@code Allow}) from an unknown one (404). It looks at route shapes
 * only, never at data, so it reveals nothing about a project.
 */
final class AllowedMethods {

    private record Route(Pattern path, String method, List<String> produces) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /**
     * The methods this path answers to, with HEAD wherever GET is; empty when no route has this shape, or when one
     * answers the request's own method (then a 404 came from the resource itself: the thing is not there).
     */
    static Set<String> otherThan(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        String asked = "HEAD".equals(method) ? "GET" : method;
        for (Route r : table()) {
            if (r.path().matcher(path).matches()) {
                if (r.method().equals(asked)) {
                    return Set.of();
                }
                allowed.add(r.method());
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return allowed;
    }

    /** The media types the routes of this path and method can send (as their {@code @Produces} names them); empty when unknown. */
    static Set<String> produces(String method, String path) {
        String asked = "HEAD".equals(method) ? "GET" : method;
        Set<String> types = new java.util.LinkedHashSet<>();
        for (Route r : table()) {
            if (r.method().equals(asked) && r.path().matcher(path).matches()) {
                types.addAll(r.produces());
            }
        }
        return types;
    }

    private static List<String> produces(RuntimeResource resource) {
        if (resource.getProduces() == null) {
            return List.of();
        }
        return java.util.Arrays.stream(resource.getProduces().getSortedOriginalMediaTypes())
                .map(t -> t.getType() + "/" + t.getSubtype()).toList();
    }

    private static List<Route> table() {
        List<Route> table = routes;
        if (table == null) {
            table = build(ResteasyReactiveRecorder.getCurrentDeployment());
            routes = table;
        }
        return table;
    }

    private static List<Route> build(Deployment deployment) {
        List<Route> table = new ArrayList<>();
        if (deployment == null) {
            return table;
        }
        String prefix = deployment.getPrefix() == null || deployment.getPrefix().equals("/") ? "" : deployment.getPrefix();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> type : deployment.getClassMappers()) {
            for (ServerRestHandler handler : type.value.handlers) {
                if (!(handler instanceof ClassRoutingHandler routing)) {
                    continue;
                }
                for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod : routing.getMappers().entrySet()) {
                    if (byMethod.getKey() == null) {
                        continue;
                    }
                    for (RequestMapper.RequestPath<RuntimeResource> method : byMethod.getValue().getTemplates()) {
                        String regex = Pattern.quote(prefix) + regex(type.template) + regex(method.template);
                        table.add(new Route(Pattern.compile(regex + "/?"), byMethod.getKey(), produces(method.value)));
                    }
                }
            }
        }
        return List.copyOf(table);
    }

    private static String regex(URITemplate template) {
        StringBuilder out = new StringBuilder();
        for (URITemplate.TemplateComponent c : template.components) {
            switch (c.type) {
                case LITERAL -> out.append(Pattern.quote(c.literalText));
                case DEFAULT_REGEX -> out.append("[^/]+");
                case CUSTOM_REGEX -> out.append("(?:").append(c.pattern.pattern()).append(')');
            }
        }
        String regex = out.toString();
        return regex.equals(Pattern.quote("/")) ? "" : regex;
    }
}
