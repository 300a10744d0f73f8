package dev.specboard.review;

import jakarta.ws.rs.FormParam;

/**
 * A new thread on lines of a file: the range and its first comment, and optionally the manifest version whose file the
 * lines were read from (the form keeps the version it was rendered from): lines read from an older version are carried
 * to the latest as a sync carries open threads, or refused when they changed.
 */
public record NewThreadForm(@FormParam("path") String path, @FormParam("lineStart") String lineStart,
                            @FormParam("lineEnd") String lineEnd, @FormParam("body") String body,
                            @FormParam("manifestVersion") String manifestVersion) {
    // No second constructor: Quarkus REST builds a @BeanParam record through its canonical one and mistook another.
}
