package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * What is wrong with the params of the MCP messages whose params the library reads without a check (a tool call, an
 * initialize), said as the protocol's "Invalid params", or null when they have the shape it needs.
 */
final class McpMessageShape {

    /** The themes an icon may name: the library refused any other with an exception on the event loop. */
    private static final Set<String> THEMES = Set.of("light", "dark");

    private McpMessageShape() {
    }

    /** A tool call: no object, a name that is not text, arguments that are not an object. */
    static String ofCall(JsonNode params) {
        if (!params.isObject()) {
            return "Invalid params: a tool call's params must be a JSON object with the tool's name and its arguments";
        }
        if (!params.path("name").isTextual()) {
            return "Invalid params: name must be the tool's name as text";
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return "Invalid params: arguments must be a JSON object of the tool's arguments by name";
        }
        return null;
    }

    /**
     * An initialize: the protocol version, the client's capabilities and its name and version, as MCP requires them. The
     * library cast each without a check: a missing clientInfo, a name of null or capabilities of text were a 500 with a
     * stack trace logged. Params left out altogether the library refuses itself, in the protocol's words.
     */
    static String ofInitialize(JsonNode params) {
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.path("protocolVersion").isTextual()) {
            return "Invalid params: protocolVersion must be the MCP version the client speaks, as text (for example \"2025-06-18\")";
        }
        if (!params.path("capabilities").isObject()) {
            return "Invalid params: capabilities must be a JSON object of what the client supports ({} for nothing)";
        }
        JsonNode client = params.get("clientInfo");
        if (client == null || !client.isObject()) {
            return "Invalid params: clientInfo must be a JSON object with the client's name and version";
        }
        for (String required : new String[] {"name", "version"}) {
            if (!client.path(required).isTextual()) {
                return "Invalid params: clientInfo." + required + " must be text";
            }
        }
        for (String optional : new String[] {"title", "description", "websiteUrl"}) {
            if (!textOrAbsent(client.get(optional))) {
                return "Invalid params: clientInfo." + optional + " must be text when given";
            }
        }
        return ofIcons(client.get("icons"));
    }

    private static String ofIcons(JsonNode icons) {
        if (icons == null || icons.isNull()) {
            return null;
        }
        if (!icons.isArray()) {
            return "Invalid params: clientInfo.icons must be a JSON array of icons";
        }
        for (int i = 0; i < icons.size(); i++) {
            JsonNode icon = icons.get(i);
            String at = "clientInfo.icons[" + i + "]";
            if (!icon.isObject() || !icon.path("src").isTextual()) {
                return "Invalid params: " + at + " must be a JSON object with its src as text";
            }
            if (!textOrAbsent(icon.get("mimeType"))) {
                return "Invalid params: " + at + ".mimeType must be text when given";
            }
            JsonNode sizes = icon.get("sizes");
            if (sizes != null && !sizes.isNull() && (!sizes.isArray() || !allText(sizes))) {
                return "Invalid params: " + at + ".sizes must be a JSON array of text (for example [\"48x48\"])";
            }
            JsonNode theme = icon.get("theme");
            if (theme != null && !theme.isNull() && (!theme.isTextual() || !THEMES.contains(theme.textValue().toLowerCase(java.util.Locale.ROOT)))) {
                return "Invalid params: " + at + ".theme must be light or dark when given";
            }
        }
        return null;
    }

    private static boolean textOrAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isTextual();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
