package dev.specboard.architecture;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

/** A component's editable fields, from the form or the API; {@code version} is the version an edit is based on. */
public record ComponentForm(
        @FormParam("name") @Upright @Filled(message = "Give the component a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("type") String type,
        @FormParam("filePath") @Chars(max = 1000, message = "At most 1000 characters") String filePath,
        @FormParam("contextId") String contextId,
        @FormParam("description") @Chars(max = 20000, message = "At most 20000 characters") String description,
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
