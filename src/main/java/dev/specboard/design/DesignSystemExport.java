package dev.specboard.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.Map;

/** A design system's tokens as CSS custom properties and as design-token JSON (the W3C Design Tokens Community Group format). */
public final class DesignSystemExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DesignSystemExport() {
    }

    /** {@code :root { --color-primary: #dc2626; --space-1: 8px; --font-family-base: Inter, sans-serif; --font-size-base: 16px; }} */
    public static String css(String projectName, DesignTokens.Tokens tokens) {
        StringBuilder sb = new StringBuilder();
        sb.append("/* Design tokens of ").append(projectName.replace("*/", "")).append(", from its mockups (Specboard). */\n:root {\n");
        tokens.colors().forEach((name, c) -> sb.append("  --color-").append(DesignSystemBuilder.slug(name)).append(": ").append(c.value())
                .append("; /* ").append(c.usageCount()).append(c.usageCount() == 1 ? " use" : " uses")
                .append(c.contexts().isEmpty() ? "" : ": " + String.join(", ", c.contexts())).append(" */\n"));
        if (tokens.spacing().base() != null) {
            sb.append("  --space-base: ").append(tokens.spacing().base().value()).append(";\n");
        }
        for (DesignTokens.SpacingValue v : tokens.spacing().values()) {
            if (v.onScale()) {
                sb.append("  --").append(v.name()).append(": ").append(v.label()).append(";\n");
            }
        }
        if (!tokens.typography().families().isEmpty()) {
            sb.append("  --font-family-base: ").append(tokens.typography().families().get(0).stack()).append(";\n");
            for (DesignTokens.FamilyToken f : tokens.typography().families()) {
                sb.append("  --font-family-").append(DesignSystemBuilder.slug(f.name())).append(": ").append(f.stack()).append(";\n");
            }
        }
        tokens.typography().sizes().forEach((name, value) -> sb.append("  --font-size-").append(name).append(": ").append(value).append(";\n"));
        return sb.append("}\n").toString();
    }

    /** Groups of tokens, each token with {@code $value}, {@code $type} and a {@code $description} of its use. */
    public static String designTokens(DesignTokens.Tokens tokens) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> color = group("color");
        tokens.colors().forEach((name, c) -> color.put(DesignSystemBuilder.slug(name), token(c.value(), null,
                c.usageCount() + (c.usageCount() == 1 ? " use" : " uses") + (c.contexts().isEmpty() ? "" : " in " + String.join(", ", c.contexts()))
                        + (c.pages().isEmpty() ? "" : " on " + String.join(", ", c.pages())))));
        root.put("color", color);
        Map<String, Object> spacing = group("dimension");
        if (tokens.spacing().base() != null) {
            spacing.put("base", token(tokens.spacing().base().value(), null, "Base unit; " + Math.round(tokens.spacing().consistency() * 100)
                    + "% of spacing values sit on its scale"));
        }
        for (DesignTokens.SpacingValue v : tokens.spacing().values()) {
            if (v.onScale()) {
                spacing.put(v.name(), token(v.label(), null, v.usageCount() + " uses"));
            }
        }
        root.put("spacing", spacing);
        Map<String, Object> font = new LinkedHashMap<>();
        Map<String, Object> family = group("fontFamily");
        for (DesignTokens.FamilyToken f : tokens.typography().families()) {
            family.put(DesignSystemBuilder.slug(f.name()), token(f.name(), null, f.usageCount() + " uses; stack " + f.stack()));
        }
        Map<String, Object> size = group("dimension");
        tokens.typography().sizes().forEach((name, value) -> size.put(name, token(value, null, null)));
        font.put("family", family);
        font.put("size", size);
        root.put("font", font);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> group(String type) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("$type", type);
        return g;
    }

    private static Map<String, Object> token(String value, String type, String description) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("$value", value);
        if (type != null) {
            t.put("$type", type);
        }
        if (description != null) {
            t.put("$description", description);
        }
        return t;
    }
}
