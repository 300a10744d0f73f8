package dev.specboard.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interactions a mockup's scripts wire up: event listeners and {@code on…} handlers set on elements found by
 * selector, read from its JavaScript and its inline script blocks. A scan of the few idioms demo scripts bind
 * listeners with (a lookup by selector or id, a variable holding one, a {@code forEach} over a lookup), not a
 * JavaScript interpreter: no model runs here, and a receiver the scan cannot trace to a selector is left out rather
 * than guessed.
 */
final class MockupScripts {

    private static final Pattern BINDING = Pattern.compile("\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(?=[\\w$.]+\\s*\\()");
    private static final Pattern FOR_EACH = Pattern.compile("\\.\\s*forEach\\s*\\(\\s*(?:function\\s*)?\\(?\\s*([A-Za-z_$][\\w$]*)");
    private static final Pattern LISTENER = Pattern.compile("\\.\\s*addEventListener\\s*\\(\\s*['\"`]([\\w:-]+)['\"`]");
    private static final Pattern HANDLER_PROPERTY = Pattern.compile("\\.\\s*on([a-z]+)\\s*=(?!=)");
    private static final Pattern LOOKUP = Pattern.compile("(?:^|[.\\s])(querySelectorAll|querySelector|getElementById|getElementsByClassName|getElementsByTagName)\\s*\\(\\s*(?:'([^']*)'|\"([^\"]*)\"|`([^`$]*)`)\\s*\\)$");
    private static final Pattern CLASS_CHANGE = Pattern.compile("classList\\s*\\.\\s*(toggle|add|remove)\\s*\\(\\s*['\"`]([\\w-]+)");
    private static final Pattern LOCATION = Pattern.compile("location(?:\\.href)?\\s*=\\s*['\"`]([^'\"`]+)|location\\.assign\\s*\\(\\s*['\"`]([^'\"`]+)");
    private static final Set<String> GLOBALS = Set.of("document", "window");
    /** Page life-cycle events: their handlers set the page up (and bind the listeners read here), nobody triggers them. */
    private static final Set<String> LIFECYCLE = Set.of("domcontentloaded", "load", "unload", "beforeunload", "readystatechange", "error");
    /** A handler longer than this is read only this far: the action is named by what the handler starts doing. */
    private static final int HANDLER_LIMIT = 1_000;
    /**
     * How far a lookup call is read, forwards from a binding or back from a listener: a lookup is short, and bounding
     * the walk keeps a hostile 500,000-character script linear instead of quadratic.
     */
    private static final int CALL_LIMIT = 1_000;

    private MockupScripts() {
    }

    /** The interactions the scripts bind, each once, in the order they appear. */
    static List<MockupAnalysis.Interaction> interactions(List<String> scripts) {
        Set<MockupAnalysis.Interaction> out = new LinkedHashSet<>();
        for (String script : scripts) {
            if (script != null && !script.isBlank()) {
                read(script, out);
            }
        }
        return new ArrayList<>(out);
    }

    /** What a handler's code does, as an interaction action with its target: {@code toggle open}, {@code navigate /x}... */
    static MockupAnalysis.Interaction classify(String trigger, String selector, String handler) {
        Matcher location = LOCATION.matcher(handler);
        if (location.find()) {
            return new MockupAnalysis.Interaction(trigger, selector, "navigate", location.group(1) != null ? location.group(1) : location.group(2));
        }
        if (handler.contains("showModal(") || handler.matches("(?s).*\\.show\\s*\\(.*")) {
            return new MockupAnalysis.Interaction(trigger, selector, "show_dialog", null);
        }
        if (handler.contains(".submit(") || handler.contains("requestSubmit(")) {
            return new MockupAnalysis.Interaction(trigger, selector, "submit_form", null);
        }
        Matcher classes = CLASS_CHANGE.matcher(handler);
        if (classes.find()) {
            return new MockupAnalysis.Interaction(trigger, selector, classes.group(1).equals("toggle") ? "toggle" : "change_state", classes.group(2));
        }
        if (handler.contains("toggleAttribute(") || handler.matches("(?s).*\\.hidden\\s*=\\s*!.*")) {
            return new MockupAnalysis.Interaction(trigger, selector, "toggle", null);
        }
        if (handler.contains("fetch(") || handler.contains("XMLHttpRequest")) {
            return new MockupAnalysis.Interaction(trigger, selector, "request", null);
        }
        return new MockupAnalysis.Interaction(trigger, selector, "script", null);
    }

    private static void read(String js, Set<MockupAnalysis.Interaction> out) {
        Map<String, String> selectors = new HashMap<>();
        // Variables first (a listener may come before the line that declares its element only in hoisted code, which demos avoid).
        Matcher binding = BINDING.matcher(js);
        while (binding.find()) {
            int end = callEnd(js, binding.end());
            String selector = end < 0 ? null : lookup(js.substring(binding.end(), end));
            if (selector != null) {
                selectors.put(binding.group(1), selector);
            }
        }
        Matcher each = FOR_EACH.matcher(js);
        while (each.find()) {
            String selector = receiver(js, each.start(), selectors);
            if (selector != null) {
                selectors.put(each.group(1), selector);
            }
        }
        Matcher listener = LISTENER.matcher(js);
        while (listener.find()) {
            String selector = receiver(js, listener.start(), selectors);
            if (selector != null && !LIFECYCLE.contains(listener.group(1).toLowerCase(Locale.ROOT))) {
                out.add(classify(listener.group(1), selector, handler(js, listener.end())));
            }
        }
        Matcher property = HANDLER_PROPERTY.matcher(js);
        while (property.find()) {
            String selector = receiver(js, property.start(), selectors);
            if (selector != null && !LIFECYCLE.contains(property.group(1))) {
                out.add(classify(property.group(1), selector, handler(js, property.end())));
            }
        }
    }

    /** The selector of the expression ending just before {@code dot}: a lookup call, a traced variable, document or window. */
    private static String receiver(String js, int dot, Map<String, String> selectors) {
        int end = dot;
        while (end > 0 && Character.isWhitespace(js.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && js.charAt(end - 1) == ')') {
            int open = openingParen(js, end - 1);
            if (open < 0) {
                return null;
            }
            int start = open;
            while (start > 0 && (Character.isJavaIdentifierPart(js.charAt(start - 1)) || js.charAt(start - 1) == '.'
                    || Character.isWhitespace(js.charAt(start - 1)))) {
                start--;
            }
            return lookup(js.substring(start, end));
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(js.charAt(start - 1))) {
            start--;
        }
        if (start == end || start > 0 && js.charAt(start - 1) == '.') {
            return null;
        }
        String name = js.substring(start, end);
        return GLOBALS.contains(name) ? name : selectors.get(name);
    }

    /** The CSS selector a lookup call names: {@code getElementById('x')} → {@code #x}. */
    private static String lookup(String call) {
        Matcher m = LOOKUP.matcher(call.strip());
        if (!m.find()) {
            return null;
        }
        String arg = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return switch (m.group(1)) {
            case "getElementById" -> "#" + arg;
            case "getElementsByClassName" -> "." + arg.strip().split("\\s+")[0];
            default -> arg.strip();
        };
    }

    /** The handler's code: the rest of the listener call, or the statement assigning the on-property. */
    private static String handler(String js, int from) {
        int depth = 0;
        int limit = Math.min(js.length(), from + HANDLER_LIMIT);
        for (int i = from; i < limit; i++) {
            char c = js.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = stringEnd(js, i, limit);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth < 0) {
                    return js.substring(from, i);
                }
            } else if (c == ';' && depth == 0) {
                return js.substring(from, i);
            }
        }
        return js.substring(from, limit);
    }

    /** Where the call starting at {@code from} (a dotted name, then its arguments) closes, or -1. */
    private static int callEnd(String js, int from) {
        int open = js.indexOf('(', from);
        if (open < 0 || open > from + CALL_LIMIT) {
            return -1;
        }
        int depth = 0;
        int limit = Math.min(js.length(), open + CALL_LIMIT);
        for (int i = open; i < limit; i++) {
            char c = js.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = stringEnd(js, i, limit);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int openingParen(String js, int close) {
        int depth = 0;
        for (int i = close; i >= Math.max(0, close - CALL_LIMIT); i--) {
            char c = js.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the quote closing the string literal opened at {@code open}, or the last index before {@code limit}. */
    private static int stringEnd(String js, int open, int limit) {
        char quote = js.charAt(open);
        for (int i = open + 1; i < limit; i++) {
            char c = js.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return limit - 1;
    }
}
