package dev.specboard.review;

import jakarta.ws.rs.FormParam;

/** The markdown body of a reply or an edited comment, and for an edit the version of the comment it changed. */
public record CommentForm(@FormParam("body") String body, @FormParam("version") Integer version) {

    /** A reply's body (a reply changes no version). No second constructor: Quarkus REST builds this bean with the first it finds. */
    public static CommentForm reply(String body) {
        return new CommentForm(body, null);
    }
}
