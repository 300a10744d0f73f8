package dev.specboard.architecture;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.ws.rs.FormParam;

/** A design doc's markdown (never blank: an empty version would only hide the last real one) and the version the edit is based on (0 or empty for a first version). */
public record DesignDocForm(
        @FormParam("content") @Filled(message = "Write the design doc") @Chars(max = 200000, message = "At most 200000 characters") String content,
        @FormParam("version") Integer version) {
}
