package dev.specboard.review;

import jakarta.ws.rs.FormParam;

/** The markdown body of a reply or an edited comment. */
public record CommentForm(@FormParam("body") String body) {
}
