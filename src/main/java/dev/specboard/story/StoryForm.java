package dev.specboard.story;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

/** A story's editable text, from the form or the API; {@code version} is the version the edit is based on. */
public record StoryForm(
        @FormParam("title") @Upright @Filled(message = "Give the story a title") @Chars(max = 255, message = "At most 255 characters") String title,
        @FormParam("description") @Chars(max = 20000, message = "At most 20000 characters") String description,
        @FormParam("acceptanceCriteria") @Chars(max = 20000, message = "At most 20000 characters") String acceptanceCriteria,
        @FormParam("version") Integer version) {

    public static StoryForm empty() {
        return new StoryForm("", "", "", null);
    }

    public static StoryForm of(Story s) {
        return new StoryForm(s.title, s.description, s.acceptanceCriteria == null ? "" : s.acceptanceCriteria, s.version);
    }

    public StoryForm withVersion(int v) {
        return new StoryForm(title, description, acceptanceCriteria, v);
    }
}
