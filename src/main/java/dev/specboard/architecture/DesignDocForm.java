package dev.specboard.architecture;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A design doc's markdown and the version the edit is based on (0 or empty for a first version). */
public record DesignDocForm(
        @FormParam("content") @Size(max = 200000, message = "At most 200000 characters") String content,
        @FormParam("version") Integer version) {
}
