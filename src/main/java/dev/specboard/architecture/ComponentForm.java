package dev.specboard.architecture;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A component's editable fields, from the form or the API; {@code version} is the version an edit is based on. */
public record ComponentForm(
        @FormParam("name") @NotBlank(message = "Give the component a name") @Size(max = 255, message = "At most 255 characters") String name,
        @FormParam("type") String type,
        @FormParam("filePath") @Size(max = 1000, message = "At most 1000 characters") String filePath,
        @FormParam("contextId") String contextId,
        @FormParam("description") @Size(max = 20000, message = "At most 20000 characters") String description,
        @FormParam("version") Integer version) {

    public static ComponentForm empty() {
        return new ComponentForm("", "other", "", "", "", null);
    }

    public static ComponentForm of(Component c) {
        return new ComponentForm(c.name, c.type, c.filePath, c.contextId == null ? "" : c.contextId.toString(),
                c.description == null ? "" : c.description, c.version);
    }

    public ComponentForm withVersion(int v) {
        return new ComponentForm(name, type, filePath, contextId, description, v);
    }
}
