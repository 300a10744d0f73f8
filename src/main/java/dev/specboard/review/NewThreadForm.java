package dev.specboard.review;

import jakarta.ws.rs.FormParam;

/** A new thread on lines of a file: the range and its first comment. */
public record NewThreadForm(@FormParam("path") String path, @FormParam("lineStart") String lineStart,
                            @FormParam("lineEnd") String lineEnd, @FormParam("body") String body) {
}
