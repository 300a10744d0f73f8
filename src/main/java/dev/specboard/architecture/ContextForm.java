package dev.specboard.architecture;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A bounded context's editable fields; {@code version} is the version the edit is based on. */
public record ContextForm(
        @FormParam("name") @NotBlank(message = "Give the context a name") @Size(max = 255, message = "At most 255 characters") String name,
        @FormParam("type") @NotBlank(message = "Choose domain or coordination")
        @Pattern(regexp = "^(domain|coordination)$", message = "Choose domain or coordination") String type,
        @FormParam("purpose") @NotBlank(message = "Say what this context is for") @Size(max = 5000, message = "At most 5000 characters") String purpose,
        @FormParam("description") @Size(max = 20000, message = "At most 20000 characters") String description,
        @FormParam("version") Integer version) {

    public static ContextForm empty() {
        return new ContextForm("", "domain", "", "", null);
    }

    public static ContextForm of(BoundedContext c) {
        return new ContextForm(c.name, c.type, c.purpose, c.description == null ? "" : c.description, c.version);
    }

    public ContextForm withVersion(int v) {
        return new ContextForm(name, type, purpose, description, v);
    }
}
