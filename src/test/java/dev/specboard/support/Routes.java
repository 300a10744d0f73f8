package dev.specboard.support;

import dev.specboard.project.ProjectResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JAX-RS route of the application, found by scanning the compiled classes, so that tests that walk
 * all routes (access rules, the screen census) cover routes added later without being edited.
 */
public final class Routes {

    /** A path parameter in a template: its name and, if given, its regular expression. */
    public static final Pattern PARAM = Pattern.compile("\\{\\s*(\\w+)\\s*(?::((?:[^{}]|\\{[^{}]*\\})*))?\\}");

    private Routes() {
    }

    /** One HTTP method on one path template, with what it consumes. */
    public record Route(String method, String template, String consumes, Method javaMethod) {
        public boolean api() {
            return template.startsWith("/api/");
        }

        public String describe() {
            return method + " " + template + " (" + javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName() + ")";
        }
    }

    /** All routes, sorted by template then method. */
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
        routes.sort(java.util.Comparator.comparing(Route::template).thenComparing(Route::method));
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

    public static String join(String base, String sub) {
        String path = "/" + base + "/" + sub;
        path = path.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The application's own classes, listed from the compiled classes directory. */
    public static List<Class<?>> applicationClasses() {
        java.nio.file.Path root;
        try {
            root = Paths.get(ProjectResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
        assertTrue(result.stream().anyMatch(c -> c == ProjectResource.class), "the scan did not find the application classes in " + classes);
        return result;
    }
}
