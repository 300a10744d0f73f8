package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.web.InputGuard;
import io.quarkiverse.mcp.server.ToolManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a tool call's arguments against the tool, for {@link McpSessionGuard}: the names it does not take, values of
 * the wrong kind, numbers counted from 1 given below it, and required ones left out, each named as the JSON API names fields;
 * and a call naming no tool at all.
 */
@ApplicationScoped
public class McpToolArguments {

    /** The tools' number arguments that count from 1; pages are refused by {@code QueryValues.page} as the API's are. */
    private static final java.util.Set<String> COUNTED_FROM_ONE = java.util.Set.of("number", "storyNumber", "version", "basedOnVersion",
            "lineStart", "lineEnd");

    @Inject
    ToolManager tools;

    /** The application's JSON mapper, the one the library converts tool arguments with. */
    @Inject
    ObjectMapper mapper;

    /**
     * The arguments of a tool call that the tool does not take, each with the names it does take: the library drops
     * them, so a misspelt optional one ({@code pagepath}, {@code threadID}) was done as if it were absent.
     */
    Map<String, Object> unknownArguments(JsonNode params) {
        JsonNode arguments = params.path("arguments");
        ToolManager.ToolInfo tool = toolOf(params);
        if (tool == null || !arguments.isObject()) {
            // An unknown tool or arguments that are not an object: the library answers those.
            return Map.of();
        }
        List<String> known = tool.arguments().stream().map(ToolManager.ToolArgument::name).toList();
        String hint = known.isEmpty() ? "unknown argument: this tool takes none" : "unknown argument; this tool takes " + String.join(", ", known);
        // The first few named, the rest counted, as an API body's unknown fields are.
        dev.specboard.web.UnknownNames unknown = new dev.specboard.web.UnknownNames();
        for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(InputGuard.printable(name), () -> hint);
            }
        }
        return unknown.details();
    }

    /**
     * The arguments of a tool call whose value is not of the kind the tool takes (an object for a text, text for a list),
     * each with the kind it must be: the library refused them with "unable to convert value", naming no kind. They are
     * converted as the library converts them, with the application's JSON mapper, so what it takes is taken here too.
     */
    Map<String, Object> mistypedArguments(JsonNode params) {
        JsonNode arguments = params.path("arguments");
        ToolManager.ToolInfo tool = toolOf(params);
        if (tool == null || !arguments.isObject()) {
            return Map.of();
        }
        Map<String, Object> mistyped = new java.util.LinkedHashMap<>();
        for (ToolManager.ToolArgument argument : tool.arguments()) {
            JsonNode value = arguments.get(argument.name());
            if (value == null || value.isNull()) {
                continue; // absent: missingArguments names the required ones
            }
            if (!asWritten(value, argument.type())) {
                // Converted, a number or true would be taken for a text and "2" for a number, which the API refuses.
                mistyped.put(argument.name(), "must be " + kind(argument.type()));
                continue;
            }
            try {
                mapper.convertValue(value, mapper.getTypeFactory().constructType(argument.type()));
            } catch (IllegalArgumentException e) {
                // A whole number past its type (page 99999999999) is one: what is wrong is its size, so the range is named.
                mistyped.put(argument.name(), value.isNumber() ? "must be " + kind(argument.type()) + range(argument.name(), argument.type())
                        : "must be " + kind(argument.type()));
            }
        }
        return mistyped;
    }

    /**
     * The arguments counted from 1 (a story's number, a version, a line) given as 0 or less: looked up as they were,
     * -1 was "No story US--1" and a version "stale", where the mistake is the number's.
     */
    Map<String, Object> belowOne(JsonNode params) {
        JsonNode arguments = params.path("arguments");
        ToolManager.ToolInfo tool = toolOf(params);
        if (tool == null || !arguments.isObject()) {
            return Map.of();
        }
        Map<String, Object> below = new java.util.LinkedHashMap<>();
        for (ToolManager.ToolArgument argument : tool.arguments()) {
            JsonNode value = arguments.get(argument.name());
            if (COUNTED_FROM_ONE.contains(argument.name()) && value != null && value.isNumber() && value.decimalValue().signum() <= 0) {
                below.put(argument.name(), "must be 1 or more");
            }
        }
        return below;
    }

    /** How much of a name that is no tool's the refusal repeats. */
    static final int ECHOED_NAME = 100;

    /**
     * The refusal of a call naming no tool, in the library's words but with at most the first {@value #ECHOED_NAME} characters
     * of the name (printable): the library repeated the name whole, 100,000 characters of it if so sent. Null for a tool's name.
     */
    String unknownTool(JsonNode params) {
        if (!params.path("name").isTextual() || toolOf(params) != null) {
            return null;
        }
        String name = params.get("name").textValue();
        boolean cut = name.codePointCount(0, name.length()) > ECHOED_NAME;
        return "Invalid tool name: " + InputGuard.printable(cut ? name.substring(0, name.offsetByCodePoints(0, ECHOED_NAME)) : name) + (cut ? "…" : "");
    }

    /** The tool a call names; null for a name that is no tool's or no text. */
    private ToolManager.ToolInfo toolOf(JsonNode params) {
        return params.path("name").isTextual() ? tools.getTool(params.get("name").textValue()) : null;
    }

    /** Whether a value is of the JSON kind an argument of a plain type takes (text for text, a number for a number); other types are converted. */
    private static boolean asWritten(JsonNode value, java.lang.reflect.Type type) {
        if (type == String.class) {
            return value.isTextual();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
        }
        if (type == Double.class || type == double.class) {
            return value.isNumber();
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.isBoolean();
        }
        return true;
    }

    /**
     * The required arguments a tool call leaves out or gives as null, each as "is required": the library said so in a
     * plain sentence, where every other refusal is the API's JSON error naming its fields.
     */
    Map<String, Object> missingArguments(JsonNode params) {
        JsonNode arguments = params.path("arguments");
        ToolManager.ToolInfo tool = toolOf(params);
        if (tool == null) {
            return Map.of();
        }
        Map<String, Object> missing = new java.util.LinkedHashMap<>();
        for (ToolManager.ToolArgument argument : tool.arguments()) {
            JsonNode value = arguments.get(argument.name());
            if (argument.required() && (value == null || value.isNull())) {
                missing.put(argument.name(), "is required");
            }
        }
        return missing;
    }

    /** " from 1 to 2147483647": the range a whole-number argument takes (counted from 1, or its type's); empty for others. */
    private static String range(String name, java.lang.reflect.Type type) {
        boolean wide = type == Long.class || type == long.class;
        if (!wide && type != Integer.class && type != int.class) {
            return "";
        }
        if ("limit".equals(name)) {
            return " from 1 to " + dev.specboard.web.QueryValues.MAX_LIMIT;
        }
        String from = COUNTED_FROM_ONE.contains(name) || "page".equals(name) ? "1" : wide ? String.valueOf(Long.MIN_VALUE)
                : String.valueOf(Integer.MIN_VALUE);
        return " from " + from + " to " + (wide ? Long.MAX_VALUE : Integer.MAX_VALUE);
    }

    /** What a value of an argument's type is, in words. */
    private static String kind(java.lang.reflect.Type type) {
        Class<?> raw = type instanceof Class<?> c ? c : type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (raw == String.class) {
            return "text";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(raw)) {
            return "a list" + (type instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments()[0] == String.class
                    ? " of texts" : " of objects as the tool's input schema describes them");
        }
        if (raw == Double.class || raw == double.class) {
            return "a number";
        }
        return "an object as the tool's input schema describes it";
    }
}
