package dev.specboard.support;

import dev.specboard.web.ErrorMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the application: each JAX-RS method found by scanning the compiled classes, so that route-walking
 * tests cover routes added later without being edited; and plausible values for their path parameters.
 */
public final class Routes {

    private Routes() {
    }

    /** One HTTP method on one path template, with what it consumes. */
    public record Route(String method, String template, String consumes, Method javaMethod) {
        public boolean api() {
            return template.startsWith("/api/");
        }

        public boolean projectScoped() {
            return template.contains("{slug");
        }

        /** A stream of server-sent events, which never ends by itself. */
        public boolean eventStream() {
            jakarta.ws.rs.Produces produces = javaMethod.getAnnotation(jakarta.ws.rs.Produces.class);
            return produces != null && java.util.Arrays.stream(produces.value()).anyMatch(v -> v.contains("event-stream"));
        }

        /** The type of the entity parameter (the one without a JAX-RS annotation), or null when the route takes no body. */
        public Class<?> body() {
            for (Parameter p : javaMethod.getParameters()) {
                boolean annotated = Stream.of(PathParam.class, jakarta.ws.rs.QueryParam.class, jakarta.ws.rs.FormParam.class,
                        org.jboss.resteasy.reactive.RestForm.class, jakarta.ws.rs.BeanParam.class, jakarta.ws.rs.HeaderParam.class,
                        jakarta.ws.rs.CookieParam.class, jakarta.ws.rs.core.Context.class).anyMatch(p::isAnnotationPresent);
                if (!annotated && !p.getType().getName().startsWith("io.vertx") && !p.getType().getName().startsWith("jakarta.ws.rs")) {
                    return p.getType();
                }
            }
            return null;
        }

        public String describe() {
            return method + " " + template + " (" + javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName() + ")";
        }
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> c : applicationClasses()) {
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || !c.isAnnotationPresent(Path.class)) {
                continue;
            }
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                String httpMethod = httpMethod(m);
                if (httpMethod == null) {
                    continue;
                }
                String template = join(base, m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
                Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class) : c.getAnnotation(Consumes.class);
                routes.add(new Route(httpMethod, template, consumes == null ? "" : String.join(",", consumes.value()), m));
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String path = "/" + base + "/" + sub;
        path = path.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The application's own classes, listed from the compiled classes directory. */
    public static List<Class<?>> applicationClasses() {
        java.nio.file.Path root;
        try {
            root = Paths.get(ErrorMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            root = Paths.get("target", "classes");
        }
        if (!Files.isDirectory(root.resolve("dev/specboard"))) {
            root = Paths.get("target", "classes");
        }
        java.nio.file.Path classes = root;
        TreeSet<String> names = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/specboard"))) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.contains("$"))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Class<?>> result = new ArrayList<>();
        for (String n : names) {
            try {
                result.add(Class.forName(n, false, Routes.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable on its own (generated or optional); it cannot be a resource we serve
            }
        }
        assertTrue(result.stream().anyMatch(c -> c == ErrorMapper.class), "the scan did not find the application classes in " + classes);
        return result;
    }

    // --- filling path templates with plausible values

    public static final Pattern PARAM = Pattern.compile("\\{\\s*(\\w+)\\s*(?::((?:[^{}]|\\{[^{}]*\\})*))?\\}");

    public static String fill(Route route, String slug) {
        Matcher matcher = PARAM.matcher(route.template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String regex = matcher.group(2) == null ? "[^/]+" : matcher.group(2).trim();
            String before = route.template().substring(0, matcher.start());
            String value = name.equals("slug") ? slug : valueFor(name, regex, before, typeOf(route.javaMethod(), name));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Class<?> typeOf(Method m, String name) {
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            if (pp != null && pp.value().equals(name)) {
                return p.getType();
            }
        }
        return String.class;
    }

    static String valueFor(String name, String regex, String before, Class<?> type) {
        String n = name.toLowerCase();
        List<String> candidates = new ArrayList<>();
        if (type == UUID.class) {
            candidates.add(UUID.randomUUID().toString());
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            candidates.add("1");
        }
        if (n.contains("key")) {
            candidates.add(before.contains("task") ? "TASK-1-1" : "SPEC-1");
        }
        if (n.contains("path") || n.contains("file")) {
            candidates.add("README.md");
        }
        if (n.equals("id") || n.endsWith("id")) {
            candidates.add(UUID.randomUUID().toString());
        }
        if (n.equals("name") || n.endsWith("name")) {
            candidates.add("app");
        }
        candidates.addAll(Arrays.asList("1", "SPEC-1", "TASK-1-1", UUID.randomUUID().toString(), "README.md", "app", "v1"));
        // A template like {action: claim|start} takes one of its words.
        candidates.addAll(Arrays.asList(regex.split("\\|")));
        Pattern p = Pattern.compile(regex);
        return candidates.stream().filter(c -> p.matcher(c).matches()).findFirst().orElse("1");
    }
}
