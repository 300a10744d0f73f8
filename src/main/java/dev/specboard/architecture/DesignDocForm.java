package dev.specboard.architecture;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A design doc's markdown (never blank: an empty version would only hide the last real one) and the version the edit is based on (0 or empty for a first version). */
public record DesignDocForm(
        @FormParam("content") @NotBlank(message = "Write the design doc") @Size(max = 200000, message = "At most 200000 characters") String content,
        @FormParam("version") Integer version) {
}
