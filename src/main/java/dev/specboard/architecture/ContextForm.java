package dev.specboard.architecture;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded context's editable fields; {@code version} is the version the edit is based on. */
public record ContextForm(
        @FormParam("name") @Upright @Filled(message = "Give the context a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("type") @Filled(message = "Choose domain or coordination")
        @Pattern(regexp = "^(domain|coordination)$", message = "Choose domain or coordination") String type,
        @FormParam("purpose") @Filled(message = "Say what this context is for") @Chars(max = 5000, message = "At most 5000 characters") String purpose,
        @FormParam("description") @Chars(max = 20000, message = "At most 20000 characters") String description,
        @FormParam("version") Integer version) {

    public static ContextForm empty() {
        return new ContextForm("", "domain", "", "", null);
    }

    public static ContextForm of(BoundedContext c) {
        return new ContextForm(c.name, c.type, c.purpose, c.description == null ? "" : c.description, c.version);
    }

    /** Both versions of a stale save, field by field: the one saved meanwhile and this one. */
    public ConflictView conflict(StaleVersionException e) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", "Name");
        labels.put("type", "Type");
        labels.put("purpose", "Purpose");
        labels.put("description", "Description");
        return ConflictView.of(e, labels, Map.of("name", nz(name), "type", nz(type), "purpose", nz(purpose), "description", nz(description)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ContextForm withVersion(int v) {
        return new ContextForm(name, type, purpose, description, v);
    }
}
