package dev.specboard.story;

/** Something on the design side a story came from (a page or a feature), as a link on the story page. */
public record OriginRef(String kind, String name, String detail, String url) {
}
