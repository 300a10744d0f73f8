package dev.specboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.lang.reflect.Field;
import java.util.List;

/**
 * Plain words for what Jackson refuses in a JSON body, for {@link ErrorMapper}: Jackson's own told an API caller about
 * its internals ({@code StreamReadConstraints.getMaxNestingDepth()}, "Invalid UTF-8 middle byte") or about Java's int
 * range where the field takes 1 to 720.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * Why a body could not be read as JSON, as one sentence beginning with {@code prefix} ("The request body is not valid
     * JSON: "), or on its own for a body too deeply nested or not in UTF-8.
     */
    static String unreadable(String prefix, JsonProcessingException e) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonProcessingException inner) {
            return unreadable(prefix, inner);
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException && original.contains("nesting depth")) {
            java.util.regex.Matcher allowed = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)").matcher(original);
            return "The JSON is nested too deeply (more than " + (allowed.find() ? allowed.group(1)
                    : String.valueOf(StreamReadConstraints.defaults().getMaxNestingDepth())) + " levels).";
        }
        if (original.startsWith("Invalid UTF-8")) {
            // The parser's offset is past the byte it refused: that byte's place, counting from 1.
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            return "The body is not valid UTF-8" + (at >= 0 ? " (byte " + at + ")" : "") + ": send JSON in UTF-8.";
        }
        // Other limits (a number or a text too long) say which, without the setting of the library that holds them.
        return prefix + original.replaceAll(",? from `[^`]*`", "").replace("(, ", "(");
    }

    /**
     * What a number too large (or too small) for its field must be: the range the field declares (Bean Validation's
     * {@code @Min} and {@code @Max} on our body records), or plainly that it is too large.
     */
    static String outOfRange(JsonMappingException path, InputCoercionException number) {
        Field field = declared(path);
        Min min = field == null ? null : field.getAnnotation(Min.class);
        Long max = field == null ? null : largest(field);
        if (min != null && max != null) {
            return "must be a whole number from " + min.value() + " to " + max;
        }
        boolean negative = String.valueOf(number.getOriginalMessage()).startsWith("Numeric value (-");
        if (negative) {
            return min != null ? "must be a whole number from " + min.value() : "is too small";
        }
        return max != null ? "must be a whole number up to " + max : "is too large";
    }

    /** The field's largest value: its configured limit ({@link ConfiguredMax}) or its {@code @Max}; null when it declares none. */
    private static Long largest(Field field) {
        ConfiguredMax configured = field.getAnnotation(ConfiguredMax.class);
        if (configured != null) {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(configured.property(), Long.class)
                    .orElse(configured.fallback());
        }
        Max max = field.getAnnotation(Max.class);
        return max == null ? null : max.value();
    }

    /** The field of our record that the error's path ends at; null when it is not known. */
    private static Field declared(JsonMappingException path) {
        if (path == null) {
            return null;
        }
        List<JsonMappingException.Reference> refs = path.getPath();
        if (refs.isEmpty()) {
            return null;
        }
        JsonMappingException.Reference last = refs.get(refs.size() - 1);
        Object from = last.getFrom();
        Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (type == null || last.getFieldName() == null || !type.getName().startsWith("dev.specboard.")) {
            return null;
        }
        try {
            return type.getDeclaredField(last.getFieldName());
        } catch (NoSuchFieldException | SecurityException e) {
            return null;
        }
    }
}
