package dev.specboard.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Reads typed query parameters ({@code ?page=2}, {@code ?v=3}, {@code ?before=<id>}, {@code ?unread=true}) for every route, pages and API
 * alike. JAX-RS answers a query value that does not convert with 404, as if the path were unknown; a malformed value
 * is the client's mistake, so it is refused with 400 naming the parameter ({@link Malformed}, which the error mapper
 * renders as the error page or the API's JSON error). A parameter named {@code page} is a list's page number: a
 * whole number from 1 (one past the last page shows the last page, see {@link PageNumbers}); one named {@code limit} is
 * how many rows a page of an API list holds, a whole number from 1 to {@link #MAX_LIMIT}.
 */
@Provider
public class QueryValues implements ParamConverterProvider {

    public static final String PAGE = "page";
    static final String WHOLE_NUMBER = "must be a whole number";
    static final String PAGE_NUMBER = "must be a whole number from 1";
    public static final String LIMIT = "limit";
    /** The most rows a page of an API list holds. */
    public static final int MAX_LIMIT = 100;
    static final String LIMIT_RANGE = "must be a whole number from 1 to " + MAX_LIMIT;

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return formField(rawType, annotations);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Read<>(raw -> name.equals(PAGE) ? page(raw) : name.equals(LIMIT) ? limit(raw) : wholeNumber(name, raw));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Read<>(raw -> longNumber(name, raw));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Read<>(raw -> id(name, raw));
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Read<>(raw -> flag(name, raw));
        }
        return null;
    }

    /**
     * A form's whole-number field ({@code version}, {@code basedOn}: hidden fields a person does not type): one that is
     * not a number was tampered with or mangled on the way, refused with 400 naming it rather than a bare "Bad request".
     */
    @SuppressWarnings("unchecked")
    private static <T> ParamConverter<T> formField(Class<T> rawType, Annotation[] annotations) {
        boolean flag = rawType == boolean.class || rawType == Boolean.class;
        if (rawType != Integer.class && !flag || annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof FormParam f && flag) {
                // A checkbox sends its value ("true", or "on" without one) or nothing: "maybe" was read as false, silently.
                String name = f.value();
                return (ParamConverter<T>) new Read<>(raw -> checkbox(name, raw));
            }
            if (a instanceof FormParam f) {
                String name = f.value();
                return (ParamConverter<T>) new Read<>(raw -> {
                    try {
                        return wholeNumber(name, raw);
                    } catch (Malformed e) {
                        throw new Malformed(name, WHOLE_NUMBER, "The form field ");
                    }
                });
            }
        }
        return null;
    }

    /** A checkbox's value: "true" or "on" is ticked, "false" or none is not; anything else was not sent by its form. */
    static Boolean checkbox(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on" -> true;
            // "0" is what RESTEasy passes for a primitive boolean field the form left out (an unticked checkbox)
            case "false", "0" -> false;
            default -> throw new Malformed(name, "must be true or false", "The form field ");
        };
    }

    /** A whole number, or null when absent or blank. */
    public static Integer wholeNumber(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new Malformed(name, WHOLE_NUMBER);
        }
    }

    /** A page number (1 is the first), or null when absent or blank. */
    public static Integer page(String raw) {
        try {
            return page(wholeNumber(PAGE, raw));
        } catch (Malformed e) {
            // 2147483648 is a whole number from 1: say what is wrong with it.
            boolean tooLarge = raw != null && raw.strip().matches("\\+?[0-9]+")
                    && new java.math.BigInteger(raw.strip()).compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
            throw new Malformed(PAGE, tooLarge ? PAGE_NUMBER + " (this one is too large)" : PAGE_NUMBER);
        }
    }

    /** The page number given, or null; one below 1 is malformed (an MCP tool's page arrives as a number, not as text). */
    public static Integer page(Integer page) {
        if (page != null && page < 1) {
            throw new Malformed(PAGE, PAGE_NUMBER);
        }
        return page;
    }

    /**
     * A page size, or null when absent or blank; anything but a whole number from 1 to {@link #MAX_LIMIT} is malformed,
     * naming the range (99999999999 was "must be a whole number", as if it were not one).
     */
    public static Integer limit(String raw) {
        try {
            return limit(wholeNumber(LIMIT, raw));
        } catch (Malformed e) {
            throw new Malformed(LIMIT, LIMIT_RANGE);
        }
    }

    /** The page size given, or null; one outside 1 to {@link #MAX_LIMIT} is malformed. */
    public static Integer limit(Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new Malformed(LIMIT, LIMIT_RANGE);
        }
        return limit;
    }

    /** An id, or null when absent or blank. */
    public static UUID id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new Malformed(name, "must be a UUID");
        }
    }

    /** true or false (in any case), or null when absent or blank. */
    public static Boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Malformed(name, "must be true or false");
        };
    }

    private static Long longNumber(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new Malformed(name, WHOLE_NUMBER);
        }
    }

    /** The query parameter's name, or null for a path, form or other parameter (a malformed path stays a 404). */
    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    private record Read<T>(java.util.function.Function<String, T> read) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            return read.apply(value);
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * A list filter whose value is well formed but names none of the values it may take ({@code ?kind=bogus}): a
     * validation failure, 422 naming the parameter in {@code details} as a refused field is named (400 is for a value
     * that cannot be read at all, such as {@code ?page=abc}).
     */
    public static dev.specboard.web.ApiException unknownChoice(String name, String expected) {
        return new dev.specboard.web.ApiException(422, "The query parameter " + name + " " + expected,
                new java.util.LinkedHashMap<>(java.util.Map.of(name, expected)));
    }

    /** A query parameter or form field whose value cannot be read: 400, naming it and what its value must be. */
    public static final class Malformed extends BadRequestException {

        private final String name;
        private final String expected;

        public Malformed(String name, String expected) {
            this(name, expected, "The query parameter ");
        }

        Malformed(String name, String expected, String what) {
            super(what + name + " " + expected);
            this.name = name;
            this.expected = expected;
        }

        public String name() {
            return name;
        }

        public String expected() {
            return expected;
        }
    }
}
