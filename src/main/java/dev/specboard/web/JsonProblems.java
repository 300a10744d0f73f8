package dev.specboard.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for what Jackson refuses in a JSON body, for {@link ErrorMapper}: Jackson's own told an API caller about
 * its internals ({@code StreamReadConstraints.getMaxNestingDepth()}, "Invalid UTF-8 middle byte") or about Java's int
 * range where the field takes 1 to 720.
 */
public final class JsonProblems {

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
        if (e instanceof StreamConstraintsException && original.startsWith("Token count")) {
            return tooManyValues();
        }
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
        return prefix + plainly(original, e.getLocation());
    }

    /**
     * Why a text does not parse as JSON, in the plain words of {@link #plainly}, for the places that parse a JSON text
     * themselves (a plan's artifact); their parser may wrap Jackson's exception, or only carry its message.
     */
    public static String describe(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamConstraintsException tooMany && String.valueOf(tooMany.getOriginalMessage()).startsWith("Token count")) {
                return tooManyValues();
            }
            if (c instanceof JsonProcessingException json) {
                return plainly(String.valueOf(json.getOriginalMessage()), json.getLocation());
            }
        }
        String message = e == null || e.getMessage() == null ? "unreadable" : e.getMessage();
        int nl = message.indexOf('\n');
        message = (nl < 0 ? message : message.substring(0, nl)).replaceFirst("^(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): ", "");
        return plainly(message, null);
    }

    static String tooManyValues() {
        return "The JSON holds more than " + limitOfValues() + " names and values, more than any one request takes: send less at a time.";
    }

    /** {@code 200,000}: the most names and values a body is read to. */
    static String limitOfValues() {
        return String.format(java.util.Locale.ROOT, "%,d", StrictJson.MAX_TOKENS);
    }

    /** Whether {@code e} (or a cause of it) stopped a reading at {@link StrictJson#MAX_TOKENS}. */
    static boolean tooManyValues(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamConstraintsException tooMany && String.valueOf(tooMany.getOriginalMessage()).startsWith("Token count")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern OPENED = Pattern.compile("(?:start marker at|starting at) \\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)( in numeric value)?(?::\\s*(.*))?$",
            Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("code (\\d+)");

    /**
     * A parser's complaint in plain words with the place it was found: Jackson's own named its settings
     * ({@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}) and its "[Source: REDACTED" where a reader wants a line and column.
     */
    static String plainly(String original, JsonLocation location) {
        Matcher opened = OPENED.matcher(original);
        String start = opened.find() ? "line " + opened.group(1) + ", column " + opened.group(2) : null;
        String at = location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
        if (original.startsWith("Unexpected end-of-input")) {
            String lower = original.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("string value") || lower.contains("closing quote")) {
                return "it ends inside a text before its closing quote" + at;
            }
            String what = lower.contains("array") ? "array" : lower.contains("object") || lower.contains("field name") ? "object" : null;
            if (what != null) {
                return "it ends before the " + what + " is closed" + (start != null ? " (the " + what + " opens at " + start + ")" : at);
            }
            return "it ends too early" + at;
        }
        Matcher character = CHARACTER.matcher(original);
        if (character.find()) {
            String expecting = character.group(4) == null ? "" : character.group(4);
            if (character.group(3) != null) {
                return "unexpected character '" + character.group(1) + "' in a number" + (expecting.isEmpty() ? ""
                        : ": " + Character.toLowerCase(expecting.charAt(0)) + expecting.substring(1).replace(", for valid numeric value", "")) + at;
            }
            String wanted = expecting.contains("start field name") ? " where a field name in double quotes was expected"
                    : expecting.contains("colon") ? " where a colon was expected after a field name"
                    : expecting.contains("comma") ? " where a comma or the closing bracket was expected"
                    : expecting.contains("comment") ? " (JSON has no comments)"
                    : expecting.contains("valid value") ? " where a value was expected" : "";
            return "unexpected character '" + character.group(1) + "'" + wanted + at;
        }
        if (original.startsWith("Unrecognized token '")) {
            String token = original.substring("Unrecognized token '".length(), Math.max("Unrecognized token '".length(),
                    original.indexOf("':")));
            return "unknown word '" + token + "' (a value is a text in double quotes, a number, an object, an array, true, false or null)"
                    + at;
        }
        if (original.startsWith("Unexpected close marker '")) {
            return "unexpected '" + original.charAt("Unexpected close marker '".length()) + "'"
                    + (start != null ? ": the bracket opened at " + start + " is closed with the other kind" : at);
        }
        if (original.startsWith("Illegal unquoted character") || original.startsWith("Illegal character")) {
            Matcher code = CONTROL.matcher(original);
            String which = "a control character" + (code.find() ? String.format(" (U+%04X)", Integer.parseInt(code.group(1))) : "");
            return original.startsWith("Illegal unquoted") ? which + " inside a text must be escaped (\\n, \\t, \\u0000)" + at
                    : which + " stands where only spaces, tabs and line breaks may" + at;
        }
        if (original.startsWith("Unrecognized character escape '")) {
            return "unknown escape '\\" + original.charAt("Unrecognized character escape '".length()) + "' in a text (JSON knows \\\", \\\\, "
                    + "\\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX)" + at;
        }
        if (original.startsWith("Invalid numeric value: ")) {
            String why = original.substring("Invalid numeric value: ".length());
            return "invalid number" + (why.isEmpty() ? "" : ": " + Character.toLowerCase(why.charAt(0)) + why.substring(1)) + at;
        }
        if (original.startsWith("Non-standard token '")) {
            return "'" + original.substring("Non-standard token '".length()).replaceFirst("'.*", "") + "' is not a JSON number" + at;
        }
        // Other complaints (a number or a text too long, a bad escape) say which, without the library's locations and settings.
        String plain = original.replaceAll("\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*(?:at )?\\[Source:[^\\]]*\\]", "")
                .replaceAll(",? from `[^`]*`", "").replace("(, ", "(")
                .replaceAll("[:;,]?\\s*\\(?[^():;]*?(?:`[\\w.]*Feature[\\w.]*`|Feature '\\w+')[^()]*\\)?", "");
        return plain.strip() + at;
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

    /**
     * "must be a whole number from 1 to 1440" for a field of our records declaring both {@code @Min} and {@code @Max}; null
     * for any other field.
     */
    static String range(Class<?> type, String name) {
        if (type == null || name == null || !type.getName().startsWith("dev.specboard.")) {
            return null;
        }
        try {
            Field field = type.getDeclaredField(name);
            Min min = field.getAnnotation(Min.class);
            Long max = largest(field);
            return min != null && max != null ? "must be a whole number from " + min.value() + " to " + max : null;
        } catch (NoSuchFieldException | SecurityException e) {
            return null;
        }
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
